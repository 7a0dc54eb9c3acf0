/**
 * Signs the gateway context the subgraphs verify (`verifyGatewayContext` of @negiz/subgraphs: issuer, type,
 * expiry, claims). One signature per operation: its audience lists every subgraph the pruned operation may call,
 * so a dossier over 80 services costs one signature, not 80; a subgraph outside that list (rare: a key fetched
 * from a service the operation does not name) gets a context of its own.
 * With a Node KeyObject the signature is computed synchronously (no round trip through the thread pool, which
 * WebCrypto takes: it showed as latency under load); a WebCrypto key is signed through jose.
 */
import { generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { SignJWT, type CryptoKey } from 'jose';
import { GATEWAY_CONTEXT_TTL_SECONDS, GATEWAY_ISSUER } from '@negiz/subgraphs/context.ts';
import type { ContextSigner } from './signed-context.ts';

export function contextSigner(privateKey: CryptoKey | KeyObject | Parameters<SignJWT['sign']>[0], alg: 'EdDSA' | 'ES256' = 'EdDSA', ttlSeconds = GATEWAY_CONTEXT_TTL_SECONDS): ContextSigner {
  if (privateKey instanceof KeyObject) {
    const header = Buffer.from(JSON.stringify({ alg, typ: 'negiz-context+jwt' })).toString('base64url');
    return async (claims, audience) => {
      const { sub, ...rest } = claims;
      const iat = Math.floor(Date.now() / 1000);
      const aud = typeof audience === 'string' ? audience : [...audience];
      const payload = Buffer.from(JSON.stringify({ ...rest, iss: GATEWAY_ISSUER, sub, aud, iat, exp: iat + ttlSeconds })).toString('base64url');
      const input = `${header}.${payload}`;
      const signature = alg === 'EdDSA' ? sign(null, Buffer.from(input), privateKey) : sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
      return `${input}.${signature.toString('base64url')}`;
    };
  }
  return (claims, audience) => {
    const { sub, ...rest } = claims;
    return new SignJWT(rest)
      .setProtectedHeader({ alg, typ: 'negiz-context+jwt' })
      .setIssuer(GATEWAY_ISSUER)
      .setSubject(sub)
      .setAudience(typeof audience === 'string' ? audience : [...audience])
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(privateKey as Parameters<SignJWT['sign']>[0]);
  };
}

/** A context key pair for a gateway hosting its subgraphs in the same process (never written anywhere). */
export function inProcessContextKeys(): { privateKey: KeyObject; publicKey: KeyObject; alg: 'EdDSA' } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, alg: 'EdDSA' };
}
