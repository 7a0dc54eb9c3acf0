import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { apqCache } from '../../../src/clients/operations/apq-cache.ts';

const redis = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true, maxRetriesPerRequest: 1 });
const prefix = `negiz-test-clients-apq-${process.pid}:`;
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe.each([
  ['redis', () => apqCache({ redis, prefix, ttlSeconds: 30 })],
  ['memory', () => apqCache({ ttlSeconds: 30 })],
])('APQ cache (%s)', (name, make) => {
  it('stores query texts by hash, forgets them on delete, and refuses oversized texts', async () => {
    const cache = make();
    await cache.set('apq:abc', '{ ping }');
    expect(await cache.get('apq:abc')).toBe('{ ping }');
    if (name === 'redis') {
      expect(await redis.get(`${prefix}apq:abc`)).toBe('{ ping }'); // shared by every gateway instance
      expect(await redis.ttl(`${prefix}apq:abc`)).toBeGreaterThan(0);
    }
    await cache.set('apq:big', `{ ping } # ${'x'.repeat(100_001)}`);
    expect(await cache.get('apq:big')).toBeUndefined();
    expect(await cache.delete('apq:abc')).toBe(true);
    expect(await cache.get('apq:abc')).toBeUndefined();
  });
});
