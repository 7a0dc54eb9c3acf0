import type { GraphQLSchema } from 'graphql';
import type { Redis } from 'ioredis';
import type { MercuriusCacheOptions } from 'mercurius-cache';
import type { GatewayClaims } from '@negiz/schema';

export const DEFAULT_CACHE_TTL_SECONDS = 60;

export interface CacheConfig {
  /** false turns caching off (tests of the upstream path, debugging). */
  enabled?: boolean;
  /** Shared Redis for several subgraph processes; in memory when absent. */
  redis?: Redis;
  /** Entries kept per service in memory. */
  memorySize?: number;
}

/**
 * The part of the cache key that says who may see the entry. mercurius-cache wraps resolvers outside
 * graphql-shield, so without it a result cached for one basis would be served to a caller on another
 * (stack-notes). Role, basis and article qualification are everything the shield's decision depends on.
 */
export function authorizationKey(claims: GatewayClaims | undefined): string {
  if (!claims) return 'anonymous';
  return `r${claims.role}:${claims.basis.type}:${claims.articlesQualify ? 'a' : '-'}`;
}

/** mercurius-cache options for one service: its root fields (with `_entities`), its TTL, keyed by the caller's authorization. */
export function serviceCacheOptions(schema: GraphQLSchema, ttlSeconds: number, config: CacheConfig = {}): MercuriusCacheOptions {
  const extendKey = (_self: unknown, _arg: unknown, ctx: { gateway?: GatewayClaims }) => authorizationKey(ctx.gateway);
  const fields = Object.keys(schema.getQueryType()?.getFields() ?? {}).filter((f) => f !== '_service');
  return {
    ttl: ttlSeconds,
    policy: { Query: Object.fromEntries(fields.map((f) => [f, { ttl: ttlSeconds, extendKey }])) },
    storage: config.redis
      ? { type: 'redis', options: { client: config.redis, invalidation: false } }
      : { type: 'memory', options: { size: config.memorySize ?? 1024 } },
    // A failing cache must not fail the read: mercurius-cache falls back to the resolver.
    onError: () => undefined,
  };
}
