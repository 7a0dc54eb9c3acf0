/**
 * Per-user budgets over fixed windows: requests, and distinct subjects asked about. Redis-backed when configured
 * (every gateway instance shares the budget), in memory otherwise. Subjects are stored as keyed hashes, never as
 * IINs, so the limiter holds no personal data.
 */
import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window resets (for Retry-After), when refused. */
  retryAfterSeconds: number;
  /** Budget left in the window after this request (when allowed). */
  remaining: number;
}

export interface RateLimiter {
  /** Count one request of this user. */
  request(user: string): Promise<RateDecision>;
  /** Count the subjects of one request; new distinct subjects consume the budget, repeated ones do not. */
  subjects(user: string, subjects: readonly string[]): Promise<RateDecision>;
}

export interface RateLimiterOptions {
  requests: number;
  requestWindowSeconds: number;
  subjects: number;
  subjectWindowSeconds: number;
  redis?: Redis;
  /** Redis key prefix (default `negiz:rate:`). */
  prefix?: string;
  /**
   * Key of the subject hashes. Default: with Redis, one random key kept in Redis (so every instance hashes alike);
   * in memory, a random key per process.
   */
  subjectKey?: string | Buffer;
  /** The clock, in ms (tests). */
  now?: () => number;
}

function windowOf(now: number, seconds: number): { id: number; retryAfter: number } {
  const id = Math.floor(now / 1000 / seconds);
  return { id, retryAfter: Math.max(1, Math.ceil((id + 1) * seconds - now / 1000)) };
}

// Add the members to a set only when the set's size stays within the limit; answers [allowed, size].
const SUBJECTS_SCRIPT = `
local key, limit, ttl = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2])
local fresh = 0
for i = 3, #ARGV do if redis.call('SISMEMBER', key, ARGV[i]) == 0 then fresh = fresh + 1 end end
local size = redis.call('SCARD', key)
if size + fresh > limit then return {0, size} end
for i = 3, #ARGV do redis.call('SADD', key, ARGV[i]) end
redis.call('EXPIRE', key, ttl)
return {1, size + fresh}
`;

export function rateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const prefix = options.prefix ?? 'negiz:rate:';
  const redis = options.redis;
  // A KeyObject made once: createHmac imports a Buffer key afresh on every call, several times the HMAC's own cost.
  let key: Promise<KeyObject> | undefined = options.subjectKey === undefined ? undefined : Promise.resolve(createSecretKey(Buffer.from(options.subjectKey)));
  const subjectKey = (): Promise<KeyObject> => {
    if (key) return key;
    if (!redis) return (key = Promise.resolve(createSecretKey(randomBytes(32))));
    const k = `${prefix}subject-key`;
    return (key = redis
      .set(k, randomBytes(32).toString('base64'), 'NX')
      .then(() => redis.get(k))
      .then((v) => (v ? createSecretKey(Buffer.from(v)) : Promise.reject(new Error('rate limiter: no subject key in Redis')))));
  };
  const hashes = async (subjects: readonly string[]) => {
    const k = await subjectKey();
    return subjects.map((s) => createHmac('sha256', k).update(s).digest('base64url').slice(0, 22));
  };

  if (redis) {
    return {
      async request(user) {
        const w = windowOf(now(), options.requestWindowSeconds);
        const k = `${prefix}req:${user}:${w.id}`;
        const [[, count]] = (await redis
          .multi()
          .incr(k)
          .expire(k, options.requestWindowSeconds + 1)
          .exec()) as [[unknown, number], unknown];
        return { allowed: count <= options.requests, retryAfterSeconds: w.retryAfter, remaining: Math.max(0, options.requests - count) };
      },
      async subjects(user, subjects) {
        if (!subjects.length) return { allowed: true, retryAfterSeconds: 0, remaining: options.subjects };
        const w = windowOf(now(), options.subjectWindowSeconds);
        const k = `${prefix}subj:${user}:${w.id}`;
        const [ok, size] = (await redis.eval(SUBJECTS_SCRIPT, 1, k, options.subjects, options.subjectWindowSeconds + 1, ...(await hashes(subjects)))) as [
          number,
          number,
        ];
        return { allowed: ok === 1, retryAfterSeconds: w.retryAfter, remaining: Math.max(0, options.subjects - size) };
      },
    };
  }

  // Memory: one entry per user, replaced when its window has passed.
  const requests = new Map<string, { window: number; count: number }>();
  const seen = new Map<string, { window: number; hashes: Set<string> }>();
  return {
    async request(user) {
      const w = windowOf(now(), options.requestWindowSeconds);
      let entry = requests.get(user);
      if (!entry || entry.window !== w.id) requests.set(user, (entry = { window: w.id, count: 0 }));
      entry.count += 1;
      return { allowed: entry.count <= options.requests, retryAfterSeconds: w.retryAfter, remaining: Math.max(0, options.requests - entry.count) };
    },
    async subjects(user, subjects) {
      const candidates = await hashes(subjects);
      const w = windowOf(now(), options.subjectWindowSeconds);
      let entry = seen.get(user);
      if (!entry || entry.window !== w.id) seen.set(user, (entry = { window: w.id, hashes: new Set() }));
      const fresh = [...new Set(candidates)].filter((h) => !entry.hashes.has(h));
      if (entry.hashes.size + fresh.length > options.subjects)
        return { allowed: false, retryAfterSeconds: w.retryAfter, remaining: options.subjects - entry.hashes.size };
      for (const h of fresh) entry.hashes.add(h);
      return { allowed: true, retryAfterSeconds: w.retryAfter, remaining: options.subjects - entry.hashes.size };
    },
  };
}
