/**
 * Hits and misses of the gateway's caches, counted where they are read and exported at /metrics as
 * negiz_gateway_cache_lookups_total{cache,result}. Per process: every gateway of a process adds to the same counts.
 */
export type CacheName = 'document' | 'pruning' | 'token' | 'account' | 'basis';

const counts = new Map<CacheName, { hit: number; miss: number }>();

export function countLookup(cache: CacheName, hit: boolean): void {
  let entry = counts.get(cache);
  if (!entry) counts.set(cache, (entry = { hit: 0, miss: 0 }));
  if (hit) entry.hit++;
  else entry.miss++;
}

export function cacheLookups(): ReadonlyMap<CacheName, Readonly<{ hit: number; miss: number }>> {
  return counts;
}
