/**
 * The development identity provider: an ES256 key pair generated on first use under `.negiz/dev-idp/` (ignored
 * by git, never committed), a JWKS to verify with, and tokens for demo users. It also holds one signature key per
 * demo user (`.negiz/dev-idp/users/`), standing in for the user's EDS when they sign the agreement. Only ever on in
 * development mode.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompactSign, exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';

export const DEV_ISSUER = 'https://idp.negiz.local/dev';
export const DEV_AUDIENCE = 'negiz-gateway';

export interface DevIdentityProvider {
  issuer: string;
  audience: string;
  jwks: JSONWebKeySet;
  /** Path of the JWKS file (for `NEGIZ_JWKS`). */
  jwksPath: string;
  issue(claims: DevTokenClaims): Promise<string>;
  /** The demo user's public signature key (made on first use). */
  userKey(login: string): Promise<JWK>;
  /** A compact JWS over `payload` signed with the demo user's key (their acceptance of the agreement). */
  signAs(login: string, payload: unknown): Promise<string>;
}

async function keyPairAt(path: string, kid: string): Promise<JWK> {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as JWK;
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' };
  writeFileSync(path, JSON.stringify(jwk), { mode: 0o600 });
  return jwk;
}

export interface DevTokenClaims {
  login: string;
  role: number;
  organisation: string;
  /** Defaults to a hardware key plus fingerprint. */
  amr?: string[];
  /** Seconds; default 8 hours (a working day). */
  lifetime?: number;
  /** The registered client the token is issued to (schema/clients.yaml), sent as the `client_id` claim. */
  clientId?: string;
}

export async function devIdentityProvider(stateDir = '.negiz'): Promise<DevIdentityProvider> {
  const dir = join(stateDir, 'dev-idp');
  const privatePath = join(dir, 'private.jwk.json');
  const jwksPath = join(dir, 'jwks.json');
  let privateJwk: JWK;
  if (existsSync(privatePath)) {
    privateJwk = JSON.parse(readFileSync(privatePath, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), kid: `dev-${Date.now().toString(36)}`, alg: 'ES256', use: 'sig' };
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(privatePath, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  const { d: _d, ...publicJwk } = privateJwk;
  const jwks: JSONWebKeySet = { keys: [publicJwk] };
  if (!existsSync(jwksPath) || readFileSync(jwksPath, 'utf8') !== JSON.stringify(jwks)) writeFileSync(jwksPath, JSON.stringify(jwks));
  const key = await importJWK(privateJwk, 'ES256');
  const userDir = join(dir, 'users');
  const userJwk = (login: string): Promise<JWK> => {
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(login)) throw new RangeError('a demo login is lower-case letters, digits, . _ -');
    mkdirSync(userDir, { recursive: true, mode: 0o700 });
    return keyPairAt(join(userDir, `${login}.jwk.json`), `user-${login}`);
  };
  return {
    async userKey(login) {
      const { d: _private, ...publicJwk } = await userJwk(login);
      return publicJwk;
    },
    async signAs(login, payload) {
      const jwk = await userJwk(login);
      return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'ES256', kid: jwk.kid! })
        .sign(await importJWK(jwk, 'ES256'));
    },
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    jwks,
    jwksPath,
    issue: (claims) =>
      new SignJWT({
        role: claims.role,
        org: claims.organisation,
        amr: claims.amr ?? ['hwk', 'fpt'],
        ...(claims.clientId ? { client_id: claims.clientId } : {}),
      })
        .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid!, typ: 'JWT' })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setSubject(claims.login)
        .setIssuedAt()
        .setExpirationTime(`${claims.lifetime ?? 8 * 3600}s`)
        .sign(key),
  };
}
