/** Signing and verifying the gateway's context; the contract itself (issuer, header, claims) is @negiz/schema's. */
import {
  SignJWT,
  createRemoteJWKSet,
  errors as joseErrors,
  generateKeyPair,
  importPKCS8,
  importSPKI,
  jwtVerify,
  type CryptoKey,
  type JWTVerifyGetKey,
  type KeyObject,
} from 'jose';
import { LRUCache } from 'lru-cache';
import { GATEWAY_CONTEXT_HEADER, GATEWAY_CONTEXT_TTL_SECONDS, GATEWAY_ISSUER, gatewayClaimsSchema, type GatewayClaims } from '@negiz/schema';
import { subgraphError } from './errors.ts';

const ALGORITHMS = ['EdDSA', 'Ed25519', 'ES256'];

export type VerificationKey = CryptoKey | KeyObject | JWTVerifyGetKey;
export interface ContextKeys {
  privateKey?: CryptoKey | KeyObject;
  publicKey: VerificationKey;
  alg: 'EdDSA' | 'ES256';
}

export async function signGatewayContext(
  claims: GatewayClaims,
  options: { privateKey: CryptoKey | KeyObject; audience: string | string[]; alg?: 'EdDSA' | 'ES256'; ttlSeconds?: number },
): Promise<string> {
  const { sub, ...rest } = gatewayClaimsSchema.parse(claims);
  return new SignJWT(rest)
    .setProtectedHeader({ alg: options.alg ?? 'EdDSA', typ: 'negiz-context+jwt' })
    .setIssuer(GATEWAY_ISSUER)
    .setSubject(sub)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(`${options.ttlSeconds ?? GATEWAY_CONTEXT_TTL_SECONDS}s`)
    .sign(options.privateKey);
}

/** The refusal for any request that does not carry a valid context; the reason says which check failed, never the token. */
export function contextRequired(reason: string) {
  return subgraphError('GATEWAY_CONTEXT_REQUIRED', `A subgraph serves data only to requests signed by the gateway: ${reason}`);
}

interface VerifiedContext {
  claims: GatewayClaims;
  audiences: readonly string[];
  /** Seconds since the epoch. */
  expiresAt: number;
  issuedAt: number;
}

/**
 * Signatures already verified, per verification key, by the exact token text: the gateway reuses a context for
 * the same claims, and one operation sends the same context to every subgraph it names, so a process verifies
 * each context once instead of once per subgraph call. Expiry, age and audience are still checked on every call;
 * a token that failed is not kept, so it fails again on its own.
 */
const verifiedByKey = new WeakMap<object, LRUCache<string, Promise<VerifiedContext>>>();
const VERIFIED_CONTEXTS_KEPT = 10_000;
const MAX_AGE_SECONDS = GATEWAY_CONTEXT_TTL_SECONDS + 5;

function verifiedCache(publicKey: VerificationKey): LRUCache<string, Promise<VerifiedContext>> {
  let cache = verifiedByKey.get(publicKey);
  if (!cache) verifiedByKey.set(publicKey, (cache = new LRUCache({ max: VERIFIED_CONTEXTS_KEPT })));
  return cache;
}

async function verifySignature(token: string, publicKey: VerificationKey): Promise<VerifiedContext> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, publicKey as CryptoKey, {
      issuer: GATEWAY_ISSUER,
      algorithms: ALGORITHMS,
      requiredClaims: ['exp', 'iat', 'sub', 'aud'],
      maxTokenAge: `${MAX_AGE_SECONDS}s`,
    }));
  } catch (error) {
    throw contextRequired(reasonOf(error));
  }
  const parsed = gatewayClaimsSchema.safeParse(payload);
  if (!parsed.success) throw contextRequired('the context lacks the basis claims');
  const audiences = typeof payload.aud === 'string' ? [payload.aud] : (payload.aud as string[]);
  return { claims: parsed.data, audiences, expiresAt: payload.exp as number, issuedAt: payload.iat as number };
}

/** Verify the gateway's signature, issuer, audience (this subgraph's slug), expiry and the claims' shape. */
export async function verifyGatewayContext(
  token: string | undefined,
  options: { publicKey: VerificationKey; audience: string; now?: () => number },
): Promise<GatewayClaims> {
  if (!token) throw contextRequired(`the request carries no signed context (${GATEWAY_CONTEXT_HEADER})`);
  const cache = verifiedCache(options.publicKey);
  let verified = cache.get(token);
  if (!verified) {
    verified = verifySignature(token, options.publicKey);
    cache.set(token, verified);
    verified.catch(() => cache.delete(token));
  }
  const context = await verified;
  const now = (options.now?.() ?? Date.now()) / 1000;
  if (context.expiresAt <= now) throw contextRequired('the context has expired');
  if (context.issuedAt + MAX_AGE_SECONDS < now) throw contextRequired('the context has expired');
  if (!context.audiences.includes(options.audience)) throw contextRequired(`the context's "aud" claim is not valid for this subgraph`);
  return context.claims;
}

function reasonOf(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'the context has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `the context's "${error.claim}" claim is not valid for this subgraph`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'the context signature does not verify';
  return 'the context is malformed or not signed with an accepted key';
}

let development: Promise<Required<Omit<ContextKeys, 'publicKey'>> & { publicKey: CryptoKey }> | undefined;
/**
 * A key pair generated once per process when none is configured (never written anywhere): enough for a gateway
 * and subgraphs sharing a process (`negiz start`, tests). Separate processes need configured keys.
 */
export function developmentContextKeys(): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey; alg: 'EdDSA' }> {
  development ??= generateKeyPair('EdDSA', { extractable: false }).then((pair) => ({ ...pair, alg: 'EdDSA' as const }));
  return development as Promise<{ privateKey: CryptoKey; publicKey: CryptoKey; alg: 'EdDSA' }>;
}

/**
 * Keys from the environment: NEGIZ_CONTEXT_PUBLIC_KEY (SPKI PEM) or NEGIZ_CONTEXT_JWKS_URL for subgraphs,
 * NEGIZ_CONTEXT_PRIVATE_KEY (PKCS8 PEM) for the gateway, NEGIZ_CONTEXT_ALG (EdDSA | ES256); otherwise the
 * development pair.
 */
export async function contextKeys(env: NodeJS.ProcessEnv = process.env): Promise<ContextKeys> {
  const alg = env.NEGIZ_CONTEXT_ALG === 'ES256' ? 'ES256' : 'EdDSA';
  if (env.NEGIZ_CONTEXT_JWKS_URL || env.NEGIZ_CONTEXT_PUBLIC_KEY) {
    const publicKey = env.NEGIZ_CONTEXT_JWKS_URL
      ? createRemoteJWKSet(new URL(env.NEGIZ_CONTEXT_JWKS_URL))
      : await importSPKI(env.NEGIZ_CONTEXT_PUBLIC_KEY!, alg);
    const privateKey = env.NEGIZ_CONTEXT_PRIVATE_KEY ? await importPKCS8(env.NEGIZ_CONTEXT_PRIVATE_KEY, alg) : undefined;
    return privateKey ? { publicKey, privateKey, alg } : { publicKey, alg };
  }
  return developmentContextKeys();
}
