/**
 * Signs the gateway context the subgraphs verify (`verifyGatewayContext` of @negiz/subgraphs: issuer, type,
 * expiry, claims). One signature per operation: its audience lists every subgraph the pruned operation may call,
 * so a dossier over 80 services costs one signature, not 80; a subgraph outside that list (rare: a key fetched
 * from a service the operation does not name) gets a context of its own.
 * With a Node KeyObject the signature is computed synchronously (no round trip through the thread pool, which
 * WebCrypto takes: it showed as latency under load); a WebCrypto key is signed through jose.
 *
 * A context is reused for the same claims and audience for half its lifetime (like any service-to-service token a
 * client keeps until near expiry): the claims hold nothing particular to one request (the request id travels in
 * REQUEST_ID_HEADER), every request is admitted by the gateway's stages before any context is used, and the subgraphs
 * verify each distinct context once. Reuse never outlives the TTL the subgraphs enforce.
 */
import { generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { SignJWT, type CryptoKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { GATEWAY_CONTEXT_TTL_SECONDS, GATEWAY_ISSUER, type GatewayClaims } from '@negiz/schema';
import type { ContextSigner } from './signed-context.ts';

export interface ContextSignerOptions {
  ttlSeconds?: number;
  /** How long one signed context serves the same claims and audience (default: half the TTL; 0: never reused). */
  reuseSeconds?: number;
  /** Milliseconds since the epoch (tests move it). */
  now?: () => number;
}

export function contextSigner(
  privateKey: CryptoKey | KeyObject | Parameters<SignJWT['sign']>[0],
  alg: 'EdDSA' | 'ES256' = 'EdDSA',
  options: ContextSignerOptions = {},
): ContextSigner {
  const ttlSeconds = options.ttlSeconds ?? GATEWAY_CONTEXT_TTL_SECONDS;
  const reuseMs = Math.min(options.reuseSeconds ?? ttlSeconds / 2, ttlSeconds - 5) * 1000;
  const now = options.now ?? Date.now;
  const signer = signWith(privateKey, alg, ttlSeconds, now);
  if (reuseMs <= 0) return signer;
  const reused = new LRUCache<string, { token: Promise<string>; signedAt: number }>({ max: 10_000 });
  return (claims, audience) => {
    const key = reuseKey(claims, audience);
    const at = now();
    const kept = reused.get(key);
    if (kept && at - kept.signedAt < reuseMs) return kept.token;
    const token = signer(claims, audience);
    reused.set(key, { token, signedAt: at });
    token.catch(() => reused.delete(key));
    return token;
  };
}

/** Everything the context says, so two requests share a context only when it would say the same of both. */
function reuseKey(claims: GatewayClaims, audience: string | readonly string[]): string {
  const { sub, role, org, basis, articlesQualify } = claims;
  return `${sub}\u0000${role}\u0000${org}\u0000${basis.type}\u0000${basis.number}\u0000${basis.instruction ?? ''}\u0000${articlesQualify}\u0000${audienceKey(audience)}`;
}

// The audience lists come from the policy's cached pruning results, so the same array recurs: join it once.
const audienceKeys = new WeakMap<readonly string[], string>();
function audienceKey(audience: string | readonly string[]): string {
  if (typeof audience === 'string') return audience;
  let key = audienceKeys.get(audience);
  if (key === undefined) audienceKeys.set(audience, (key = audience.join(',')));
  return key;
}

function signWith(
  privateKey: CryptoKey | KeyObject | Parameters<SignJWT['sign']>[0],
  alg: 'EdDSA' | 'ES256',
  ttlSeconds: number,
  now: () => number,
): ContextSigner {
  if (privateKey instanceof KeyObject) {
    const header = Buffer.from(JSON.stringify({ alg, typ: 'negiz-context+jwt' })).toString('base64url');
    return async (claims, audience) => {
      const { sub, ...rest } = claims;
      const iat = Math.floor(now() / 1000);
      const aud = typeof audience === 'string' ? audience : [...audience];
      const payload = Buffer.from(JSON.stringify({ ...rest, iss: GATEWAY_ISSUER, sub, aud, iat, exp: iat + ttlSeconds })).toString('base64url');
      const input = `${header}.${payload}`;
      const signature =
        alg === 'EdDSA' ? sign(null, Buffer.from(input), privateKey) : sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
      return `${input}.${signature.toString('base64url')}`;
    };
  }
  return (claims, audience) => {
    const { sub, ...rest } = claims;
    const iat = Math.floor(now() / 1000);
    return new SignJWT(rest)
      .setProtectedHeader({ alg, typ: 'negiz-context+jwt' })
      .setIssuer(GATEWAY_ISSUER)
      .setSubject(sub)
      .setAudience(typeof audience === 'string' ? audience : [...audience])
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .sign(privateKey as Parameters<SignJWT['sign']>[0]);
  };
}

/** A context key pair for a gateway hosting its subgraphs in the same process (never written anywhere). */
export function inProcessContextKeys(): { privateKey: KeyObject; publicKey: KeyObject; alg: 'EdDSA' } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, alg: 'EdDSA' };
}
