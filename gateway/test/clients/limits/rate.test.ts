import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { rateLimiter, type RateLimiter } from '../../../src/clients/limits/rate.ts';
import { post, standInGateway } from '../fixtures/server.ts';

const redis = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true, maxRetriesPerRequest: 1 });
const prefix = `negiz-test-clients-rate-${process.pid}:`;
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

const windows = { requests: 3, requestWindowSeconds: 60, subjects: 2, subjectWindowSeconds: 3600 };

describe.each([
  ['memory', () => rateLimiter({ ...windows, now: () => clock })],
  ['redis', () => rateLimiter({ ...windows, redis, prefix, subjectKey: 'k', now: () => clock })],
])('rate limiter (%s)', (_name, make: () => RateLimiter) => {
  it('counts requests per user per window and says when to retry', async () => {
    clock = 1_000_000 * 60_000 + 15_000;
    const limiter = make();
    for (let i = 0; i < 3; i++) expect((await limiter.request('u1')).allowed).toBe(true);
    const refused = await limiter.request('u1');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(45);
    expect((await limiter.request('u2')).allowed).toBe(true);
    clock += 45_000;
    expect((await limiter.request('u1')).allowed).toBe(true);
  });

  it('counts distinct subjects, refuses the request that would pass the budget without consuming it', async () => {
    clock = 2_000_000 * 3_600_000;
    const limiter = make();
    expect((await limiter.subjects('u3', ['IIN:1'])).allowed).toBe(true);
    expect((await limiter.subjects('u3', ['IIN:1', 'IIN:2'])).allowed).toBe(true);
    expect((await limiter.subjects('u3', ['IIN:3'])).allowed).toBe(false);
    expect((await limiter.subjects('u3', ['IIN:2'])).allowed).toBe(true);
  });
});
let clock = 0;

it('Redis-backed budgets are shared by two gateway instances', async () => {
  const shared = { requests: 2, requestWindowSeconds: 60, subjects: 60, subjectWindowSeconds: 3600 };
  const make = () => standInGateway({ limiter: rateLimiter({ ...shared, redis, prefix: `${prefix}shared:` }) });
  const [a, b] = await Promise.all([make(), make()]);
  try {
    const headers = { authorization: 'Bearer shared-user' };
    expect((await post(a, { query: '{ ping }' }, headers)).body.errors).toBeUndefined();
    expect((await post(b, { query: '{ ping }' }, headers)).body.errors).toBeUndefined();
    const refused = await post(a, { query: '{ ping }' }, headers);
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.headers['retry-after']).toBeDefined();
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

it('Redis-backed subject budgets hash subjects alike on every instance (one key kept in Redis)', async () => {
  const shared = { requests: 100, requestWindowSeconds: 60, subjects: 2, subjectWindowSeconds: 3600 };
  const a = rateLimiter({ ...shared, redis, prefix: `${prefix}subjects:` });
  const b = rateLimiter({ ...shared, redis, prefix: `${prefix}subjects:` });
  expect((await a.subjects('u9', ['IIN:1', 'IIN:2'])).allowed).toBe(true);
  expect((await b.subjects('u9', ['IIN:2'])).allowed).toBe(true); // the same subject, seen by the other instance
  expect((await b.subjects('u9', ['IIN:3'])).allowed).toBe(false);
  const stored = await redis.smembers((await redis.keys(`${prefix}subjects:subj:u9:*`))[0]!);
  expect(stored.join()).not.toMatch(/IIN|\d{12}/); // hashes, never the identifiers
});
