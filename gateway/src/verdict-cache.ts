/**
 * Memory of verdicts that let a request through (a verified token, an active account, a basis the registries
 * confirmed), for at most the configured age. A verdict may be served only while it could still be true, so:
 * 0 (or less) keeps nothing, every request asks again; a positive age is the oldest a served verdict can be,
 * counted from when it was reached, not from when it was stored. Expiry is checked here on every read rather
 * than left to lru-cache's TTL, where `ttl: 0` means "never expires".
 */
import { LRUCache } from 'lru-cache';
import { countLookup, type CacheName } from './cache-lookups.ts';

export interface VerdictCache<V> {
  /** The verdict, while it is younger than the configured age (and its own cap). */
  get(key: string): V | undefined;
  /**
   * Remember a verdict reached at `reachedAt` (this cache's clock, default now); `maxAgeMs` caps its age further
   * (a token's remaining lifetime). A verdict already too old is not kept.
   */
  set(key: string, value: V, limits?: { reachedAt?: number; maxAgeMs?: number }): void;
  delete(key: string): void;
  /** This cache's clock, in ms (monotonic by default), for `reachedAt`. */
  now(): number;
}

export interface VerdictCacheOptions {
  /** Entries kept at most (least recently used go first). */
  max: number;
  /** Milliseconds; default `performance.now()`, so a wall-clock step back cannot extend a verdict's life. */
  clock?: () => number;
  /** Counted at /metrics under this name (hits and misses). */
  name?: CacheName;
}

export function verdictCache<V>(maxAgeMs: number, options: VerdictCacheOptions): VerdictCache<V> {
  if (Number.isNaN(maxAgeMs) || maxAgeMs === Infinity) throw new RangeError('a verdict cache needs a finite age in ms (0: no cache)');
  const now = options.clock ?? (() => performance.now());
  if (maxAgeMs <= 0) return { get: () => undefined, set: () => undefined, delete: () => undefined, now };
  const entries = new LRUCache<string, { value: V; until: number }>({ max: options.max });
  const count = (hit: boolean) => options.name && countLookup(options.name, hit);
  return {
    get(key) {
      const entry = entries.get(key);
      const hit = entry !== undefined && now() < entry.until;
      count(hit);
      if (hit) return entry.value;
      if (entry) entries.delete(key);
      return undefined;
    },
    set(key, value, limits = {}) {
      const reachedAt = limits.reachedAt ?? now();
      const until = reachedAt + Math.min(maxAgeMs, limits.maxAgeMs ?? Infinity);
      if (now() < until) entries.set(key, { value, until });
      else entries.delete(key);
    },
    delete(key) {
      entries.delete(key);
    },
    now,
  };
}
