/**
 * Where the identity provider's public keys come from: a JWKS URL (jose refetches on an unknown `kid`, which is
 * how key rotation reaches us) or a JWKS file (re-read when it changes on disk).
 */
import { readFileSync, statSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';

export function jwksFromUrl(url: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(url), { cooldownDuration: 5_000, cacheMaxAge: 10 * 60_000 });
}

export function jwksFromObject(jwks: JSONWebKeySet): JWTVerifyGetKey {
  return createLocalJWKSet(jwks);
}

/** A JWKS file; its modification time is checked at most once a second so a rotated file is picked up. */
export function jwksFromFile(path: string): JWTVerifyGetKey {
  let loadedMtime = -1;
  let checkedAt = 0;
  let keys: JWTVerifyGetKey | undefined;
  const load = (): JWTVerifyGetKey => {
    const now = Date.now();
    if (keys && now - checkedAt < 1_000) return keys;
    checkedAt = now;
    const mtime = statSync(path).mtimeMs;
    if (!keys || mtime !== loadedMtime) {
      keys = createLocalJWKSet(JSON.parse(readFileSync(path, 'utf8')) as JSONWebKeySet);
      loadedMtime = mtime;
    }
    return keys;
  };
  return (header, token) => load()(header, token);
}

/** `https://...` is a URL, anything else a file path. */
export function jwksFrom(location: string): JWTVerifyGetKey {
  return /^https?:\/\//.test(location) ? jwksFromUrl(location) : jwksFromFile(location);
}
