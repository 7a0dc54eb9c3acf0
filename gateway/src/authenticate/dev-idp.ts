/**
 * The development identity provider: an ES256 key pair generated on first use under `.negiz/dev-idp/` (ignored
 * by git, never committed), a JWKS to verify with, and tokens for demo users. Only ever on in development mode.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';

export const DEV_ISSUER = 'https://idp.negiz.local/dev';
export const DEV_AUDIENCE = 'negiz-gateway';

export interface DevIdentityProvider {
  issuer: string;
  audience: string;
  jwks: JSONWebKeySet;
  /** Path of the JWKS file (for `NEGIZ_JWKS`). */
  jwksPath: string;
  issue(claims: DevTokenClaims): Promise<string>;
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
  return {
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
