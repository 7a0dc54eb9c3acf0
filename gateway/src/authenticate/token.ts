/**
 * Bearer token verification with jose: signature, issuer, audience, the token's time claims and the claims the
 * order needs. `iat` is required (RFC 9068 2.2) and may not lie in the future beyond the clock tolerance; jose
 * checks `exp` and `nbf` with the same tolerance but leaves a future `iat` alone, so that check is ours.
 */
import { errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { Refusal } from '../refusal.ts';
import { verdictCache } from '../verdict-cache.ts';
import { provesMultiFactor, type Identity } from './identity.ts';

export interface TokenVerifierOptions {
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  /** Seconds of clock skew tolerated between the identity provider and us, for `exp`, `nbf` and `iat` (default 30). */
  clockToleranceSeconds?: number;
  /** The oldest a remembered verification may be (ms); never beyond the token's expiry. 0: every request verifies. */
  cacheMs?: number;
  /** The wall clock in epoch ms (tests); it also drives the cache. Default `Date.now` (cache: monotonic). */
  now?: () => number;
  roles?: { min: number; max: number };
}

export type TokenVerifier = (authorization: string | undefined) => Promise<Identity>;

const ALGORITHMS = ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'];

function unauthenticated(why: string): Refusal {
  return new Refusal('UNAUTHENTICATED', `Authentication required (order No. 21 p.2, p.18): ${why}`);
}

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const { min, max } = options.roles ?? { min: 1, max: 21 };
  const tolerance = options.clockToleranceSeconds ?? 30;
  const wallClock = options.now ?? Date.now;
  // Verified tokens only: a cache hit skips the signature check, never the registry status check.
  const verified = verdictCache<Identity>(options.cacheMs ?? 60_000, { max: 10_000, name: 'token', ...(options.now ? { clock: options.now } : {}) });

  async function verify(token: string, now: number): Promise<Identity> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, options.keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ALGORITHMS,
        clockTolerance: tolerance,
        currentDate: new Date(now),
        requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('the token has expired');
      if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'nbf' && error.reason === 'check_failed') {
        throw unauthenticated(`the token's "nbf" claim lies in the future: the token is not valid yet`);
      }
      if (error instanceof joseErrors.JWTClaimValidationFailed) throw unauthenticated(`the token's "${error.claim}" claim is not accepted`);
      if (error instanceof joseErrors.JOSEError) throw unauthenticated('the token is not signed by the identity provider');
      throw unauthenticated('the token cannot be verified');
    }
    // A token issued "later" than now (beyond the tolerated skew) comes from a wrong clock or was minted ahead.
    if (payload.iat! > now / 1000 + tolerance) throw unauthenticated(`the token's "iat" claim lies in the future: the token was issued later than now`);
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
    const now = wallClock();
    const hit = verified.get(token);
    if (hit) {
      if (hit.expiresAt * 1000 > now) return hit;
      verified.delete(token);
    }
    const reachedAt = verified.now();
    const identity = await verify(token, now);
    verified.set(token, identity, { reachedAt, maxAgeMs: identity.expiresAt * 1000 - now });
    return identity;
  };
}
