/**
 * The cache of automatic persisted queries (APQ) for portals: Apollo Server stores a query text under its hash
 * the first time a portal sends both, and later requests send only the hash. Redis when configured (shared by
 * every gateway instance), memory otherwise. Implements Apollo's KeyValueCache.
 */
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

export interface ApqCacheOptions {
  /** An ioredis client; without it the cache lives in this process's memory. */
  redis?: Redis;
  /** Key prefix in Redis (default `negiz:apq:`). */
  prefix?: string;
  /** Default time to live in seconds (default one day). */
  ttlSeconds?: number;
  /** Entries kept in memory (default 10,000). */
  maxEntries?: number;
}

/** Query texts are small but unbounded: cap them so the cache cannot be filled with one huge body. */
const MAX_QUERY_BYTES = 100_000;

export function apqCache(options: ApqCacheOptions = {}): KeyValueCache<string> {
  const ttl = options.ttlSeconds ?? 86_400;
  const redis = options.redis;
  if (redis) {
    const prefix = options.prefix ?? 'negiz:apq:';
    return {
      async get(key) {
        return (await redis.get(prefix + key)) ?? undefined;
      },
      async set(key, value, setOptions?: KeyValueCacheSetOptions) {
        if (Buffer.byteLength(value) > MAX_QUERY_BYTES) return;
        const seconds = setOptions?.ttl ?? ttl;
        if (seconds) await redis.set(prefix + key, value, 'EX', seconds);
        else await redis.set(prefix + key, value);
      },
      async delete(key) {
        return (await redis.del(prefix + key)) > 0;
      },
    };
  }
  const memory = new LRUCache<string, string>({ max: options.maxEntries ?? 10_000, ttl: ttl * 1000, ttlResolution: 0 });
  return {
    async get(key) {
      return memory.get(key);
    },
    async set(key, value, setOptions?: KeyValueCacheSetOptions) {
      if (Buffer.byteLength(value) > MAX_QUERY_BYTES) return;
      memory.set(key, value, setOptions?.ttl ? { ttl: setOptions.ttl * 1000 } : undefined);
    },
    async delete(key) {
      return memory.delete(key);
    },
  };
}
