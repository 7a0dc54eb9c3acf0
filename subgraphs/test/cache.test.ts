import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { GatewayClaims } from '@negiz/schema';
import type { SubgraphHost } from '../src/host.ts';
import type { CacheConfig } from '../src/cache.ts';
import { mockSource } from '../src/source/mock.ts';
import type { DataSource } from '../src/source/types.ts';
import { fixtureHost, token } from './fixtures/host.ts';
import { fixtureWorld } from './fixtures/world.ts';

type Result = { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };

/** The fixture host with the s37 mock wrapped to count upstream reads. */
async function countingHost(cache: CacheConfig) {
  const reads = { count: 0 };
  const host = await fixtureHost({
    cache,
    sourceFor: (service, world) => {
      const inner = mockSource(service.definition, world!);
      const counted: DataSource = {
        serves: inner.serves,
        entities: (type, keys) => ((reads.count += 1), inner.entities(type, keys)),
        query: (field, args) => ((reads.count += 1), inner.query(field, args)),
      };
      return counted;
    },
  });
  return { host, reads };
}

const QUERY = `{ counterAudit(actNumber: "CA-0001") { actNumber actDate } counterAuditCount(bin: "${fixtureWorld().legalEntityAt(0).bin}") }`;
const criminal = { basis: { type: 'CRIMINAL' as const, number: '241500031000123' }, articlesQualify: true };

async function ask(host: SubgraphHost, claims: Partial<GatewayClaims>): Promise<Result> {
  return (await host.services.get('s37-counter-audits')!.graphql(QUERY, { gatewayToken: await token('s37-counter-audits', claims) })) as Result;
}

async function cachedPerBasis(cache: CacheConfig) {
  const { host, reads } = await countingHost(cache);
  try {
    const first = await ask(host, criminal);
    expect(first.data).toEqual({ counterAudit: { actNumber: 'CA-0001', actDate: '2023-03-01' }, counterAuditCount: 1 });
    await ask(host, criminal);
    expect(reads.count).toBe(2); // the second read came from the cache

    // Same query text, same service, another basis: the cache wraps resolvers outside the shield, so only the
    // authorization part of the key keeps the cached counter-audit from this caller.
    const otherBasis = await ask(host, { basis: { type: 'ADMIN_COURT', number: '7510-2024-01-3/1234' } });
    expect(otherBasis.data).toEqual({ counterAudit: null, counterAuditCount: null });
    expect(otherBasis.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN_SERVICE_FOR_BASIS', 'FORBIDDEN_SERVICE_FOR_BASIS']);
    const otherArticles = await ask(host, { ...criminal, articlesQualify: false });
    expect(otherArticles.data).toEqual({ counterAudit: null, counterAuditCount: null });
    expect(otherArticles.errors![0]!.extensions?.code).toBe('FORBIDDEN_ARTICLE_FOR_SERVICE');
    // Another role on the same basis gets its own entry (one more upstream read).
    await ask(host, { ...criminal, role: 2 });
    expect(reads.count).toBe(4);

    // Entity references are cached too, and come back whole (the _Entity union needs __typename).
    const bin = fixtureWorld().legalEntityAt(1).bin;
    const entities = async () =>
      host.services
        .get('s37-counter-audits')!
        .graphql(
          'query($r: [_Any!]!) { _entities(representations: $r) { ... on LegalEntity { counterAudits { actNumber } } } }',
          { gatewayToken: await token('s37-counter-audits', criminal) },
          { r: [{ __typename: 'LegalEntity', bin }] },
        );
    const fresh = await entities();
    const cached = await entities();
    expect(reads.count).toBe(5);
    expect(cached).toEqual(fresh);
    expect(cached.data).toEqual({ _entities: [{ counterAudits: [{ actNumber: `CA-${bin.slice(-4)}` }] }] });
  } finally {
    await host.close();
  }
}

describe('mercurius-cache keyed by the caller authorization', () => {
  it('in memory: never serves a cached result to a caller with a different basis or article qualification', () => cachedPerBasis({}));

  const redis = new Redis({ host: '127.0.0.1', port: 6379, keyPrefix: `negiz-subgraphs-test-${process.pid}:`, lazyConnect: true, maxRetriesPerRequest: 1 });
  afterAll(async () => {
    const keys = await redis.keys(`negiz-subgraphs-test-${process.pid}:*`);
    if (keys.length) await redis.del(...keys.map((k) => k.slice(`negiz-subgraphs-test-${process.pid}:`.length)));
    redis.disconnect();
  });
  it('in Redis: the same guarantee', async () => {
    await redis.connect();
    await cachedPerBasis({ redis });
    expect((await redis.keys(`negiz-subgraphs-test-${process.pid}:*`)).length).toBeGreaterThan(0);
  });
});
