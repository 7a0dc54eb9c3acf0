import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../src/config.ts';

describe('configuration', () => {
  it('runs on embedded defaults in development', () => {
    const c = configFromEnv({});
    expect(c).toMatchObject({
      mode: 'development',
      host: '127.0.0.1',
      port: 4000,
      subgraphs: { kind: 'inprocess' },
      journal: 'embedded',
      userStatusCacheMs: 1000,
    });
    expect(c.identity).toBeUndefined();
  });

  it('requires the identity provider, the registries and a durable journal in production', () => {
    expect(() => configFromEnv({ NEGIZ_MODE: 'production' })).toThrow(/NEGIZ_JWKS/);
    const idp = { NEGIZ_MODE: 'production', NEGIZ_JWKS: 'https://idp/jwks.json', NEGIZ_ISSUER: 'https://idp', NEGIZ_AUDIENCE: 'negiz' };
    expect(() => configFromEnv(idp)).toThrow(/NEGIZ_CASE_REGISTRY_URL/);
    const full = { ...idp, NEGIZ_CASE_REGISTRY_URL: 'http://cases', NEGIZ_USER_REGISTRY_URL: 'http://users' };
    expect(() => configFromEnv({ ...full, NEGIZ_JOURNAL: 'memory' })).toThrow(/durable journal/);
    expect(configFromEnv({ ...full, NEGIZ_JOURNAL_URL: 'postgres://x' })).toMatchObject({
      mode: 'production',
      journal: 'postgres',
      identity: { issuer: 'https://idp' },
    });
  });

  it('reads subgraph URLs and refuses what it cannot use', () => {
    expect(configFromEnv({ NEGIZ_SUBGRAPH_URLS: '{"s05-vehicles":"http://h:1/graphql"}' }).subgraphs).toEqual({
      kind: 'http',
      urls: { 's05-vehicles': 'http://h:1/graphql' },
      batch: true,
    });
    expect(configFromEnv({ NEGIZ_SUBGRAPH_BASE_URL: 'http://h:1', NEGIZ_SUBGRAPH_BATCH: 'false' }).subgraphs).toEqual({
      kind: 'http',
      baseUrl: 'http://h:1',
      urls: {},
      batch: false,
    });
    expect(() => configFromEnv({ NEGIZ_SUBGRAPH_BATCH: 'sometimes' })).toThrow(/NEGIZ_SUBGRAPH_BATCH/);
    expect(() => configFromEnv({ NEGIZ_SUBGRAPH_URLS: 'nope' })).toThrow(/NEGIZ_SUBGRAPH_URLS/);
    expect(() => configFromEnv({ NEGIZ_PORT: '99999' })).toThrow(/NEGIZ_PORT/);
    expect(() => configFromEnv({ NEGIZ_USER_STATUS_CACHE_MS: '60000' })).toThrow(/NEGIZ_USER_STATUS_CACHE_MS/);
  });

  it('chooses the journal: embedded by default, PostgreSQL with NEGIZ_JOURNAL_URL', () => {
    expect(configFromEnv({ NEGIZ_JOURNAL_URL: 'postgres://postgres@127.0.0.1:5432/negiz' }).journal).toBe('postgres');
    expect(configFromEnv({ NEGIZ_JOURNAL: 'embedded', NEGIZ_JOURNAL_URL: 'postgres://x' }).journal).toBe('embedded');
    expect(() => configFromEnv({ NEGIZ_JOURNAL: 'postgres' })).toThrow(/NEGIZ_JOURNAL_URL/);
  });

  it("reads the journal's witnesses (a JSON array of url and verifier key)", () => {
    const witnesses = [{ url: 'http://witness.prokuror:4100', key: 'witness.prokuror.kz/journal+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2' }];
    expect(configFromEnv({ NEGIZ_JOURNAL_WITNESSES: JSON.stringify(witnesses) }).journalConfig.witnesses).toEqual(witnesses);
    expect(configFromEnv({}).journalConfig.witnesses).toEqual([]);
    expect(() => configFromEnv({ NEGIZ_JOURNAL_WITNESSES: '[{"url":1}]' })).toThrow(/NEGIZ_JOURNAL_WITNESSES: .*JSON array/);
  });

  it('reads the share of justification challenges (default 1 in 20, 0 turns them off)', () => {
    expect(configFromEnv({}).justificationShare).toBe(0.05);
    expect(configFromEnv({ NEGIZ_JUSTIFICATION_SHARE: '0' }).justificationShare).toBe(0);
    expect(() => configFromEnv({ NEGIZ_JUSTIFICATION_SHARE: '2' })).toThrow(/NEGIZ_JUSTIFICATION_SHARE/);
  });
});
