/**
 * The key that signs checkpoints (Ed25519, JWS alg EdDSA). Production passes a private JWK (NEGIZ_JOURNAL_KEY:
 * a file path or the JSON itself); development generates one once under `.negiz/` so restarts keep verifying.
 * Witnesses only need the public JWK (`negiz journal key`).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

export interface CheckpointKey {
  kid: string;
  privateKey: CryptoKey | undefined;
  publicKey: CryptoKey;
  publicJwk: JWK;
  /** The private JWK, kept to sign checkpoint notes through node:crypto (undefined for a verify-only key). */
  privateJwk: JWK | undefined;
}

export async function keyFromJwk(jwk: JWK): Promise<CheckpointKey> {
  const { d: _d, ...pub } = jwk;
  const publicJwk: JWK = { kty: pub.kty, crv: pub.crv, x: pub.x };
  const kid = jwk.kid ?? (await calculateJwkThumbprint(publicJwk));
  return {
    kid,
    privateKey: jwk.d ? ((await importJWK({ ...jwk, alg: 'EdDSA' }, 'EdDSA')) as CryptoKey) : undefined,
    publicKey: (await importJWK({ ...publicJwk, alg: 'EdDSA' }, 'EdDSA')) as CryptoKey,
    publicJwk: { ...publicJwk, kid, alg: 'EdDSA', use: 'sig' },
    privateJwk: jwk.d ? { kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d } : undefined,
  };
}

export async function generateCheckpointJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint({ kty: jwk.kty!, crv: jwk.crv!, x: jwk.x! }) };
}

/** A JWK given inline (starts with "{") or as a file path. */
export async function loadCheckpointKey(source: string): Promise<CheckpointKey> {
  const text = source.trim().startsWith('{') ? source : readFileSync(source, 'utf8');
  return keyFromJwk(JSON.parse(text) as JWK);
}

/** Development: reuse or create the key file (mode 0600). */
export async function devCheckpointKey(path: string): Promise<CheckpointKey> {
  if (existsSync(path)) return loadCheckpointKey(path);
  const jwk = await generateCheckpointJwk();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(jwk), { mode: 0o600 });
  chmodSync(path, 0o600);
  return keyFromJwk(jwk);
}
