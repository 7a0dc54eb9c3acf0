/** Bearer token verification with jose: signature, issuer, audience, expiry and the claims the order needs. */
import { errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { Refusal } from '../refusal.ts';
import { provesMultiFactor, type Identity } from './identity.ts';

export interface TokenVerifierOptions {
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  /** Seconds of clock skew tolerated. */
  clockToleranceSeconds?: number;
  /** How long a verified token is remembered (ms); never beyond its expiry. */
  cacheMs?: number;
  roles?: { min: number; max: number };
}

export type TokenVerifier = (authorization: string | undefined) => Promise<Identity>;

const ALGORITHMS = ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'];

function unauthenticated(why: string): Refusal {
  return new Refusal('UNAUTHENTICATED', `Authentication required (order No. 21 p.2, p.18): ${why}`);
}

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const { min, max } = options.roles ?? { min: 1, max: 21 };
  const cacheMs = options.cacheMs ?? 60_000;
  // Verified tokens only: a cache hit skips the signature check, never the registry status check.
  const verified = new LRUCache<string, Identity>({ max: 10_000, ttlResolution: 0 });

  async function verify(token: string): Promise<Identity> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, options.keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ALGORITHMS,
        clockTolerance: options.clockToleranceSeconds ?? 30,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('the token has expired');
      if (error instanceof joseErrors.JWTClaimValidationFailed) throw unauthenticated(`the token's "${error.claim}" claim is not accepted`);
      if (error instanceof joseErrors.JOSEError) throw unauthenticated('the token is not signed by the identity provider');
      throw unauthenticated('the token cannot be verified');
    }
    const role = payload.role;
    if (typeof role !== 'number' || !Number.isInteger(role) || role < min || role > max) {
      throw unauthenticated(`the token's "role" claim must be a role of Appendix 1 (${min}-${max})`);
    }
    if (typeof payload.org !== 'string' || payload.org === '') throw unauthenticated('the token has no "org" claim');
    const amr = Array.isArray(payload.amr) ? payload.amr.filter((m): m is string => typeof m === 'string') : [];
    if (!provesMultiFactor(amr)) {
      throw new Refusal(
        'MFA_REQUIRED',
        'Multi-factor login required (order No. 21 p.2, p.18): the token must prove a hardware-kept signature key (amr "hwk" or "sc") plus biometrics or a one-time code ("fpt", "face", "otp" or "sms")',
      );
    }
    return { login: payload.sub!, role, organisation: payload.org, amr, expiresAt: payload.exp! };
  }

  return async (authorization) => {
    const match = authorization ? /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(authorization) : null;
    if (!match) throw unauthenticated('send "Authorization: Bearer <token>"');
    const token = match[1]!;
    const now = Date.now();
    const hit = verified.get(token);
    if (hit) {
      if (hit.expiresAt * 1000 > now) return hit;
      verified.delete(token);
    }
    const identity = await verify(token);
    verified.set(token, identity, { ttl: Math.max(1, Math.min(cacheMs, identity.expiresAt * 1000 - now)) });
    return identity;
  };
}
