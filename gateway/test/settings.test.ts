import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../src/config.ts';
import { limitsOptions } from '../src/clients/limits/options.ts';
import { readSettings } from '../src/settings.ts';

function yamlFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'negiz-settings-')), 'negiz.yaml');
  writeFileSync(path, text);
  return path;
}

describe('settings', () => {
  it('runs on embedded defaults with no settings at all, the limits of docs/clients.md included', () => {
    const config = configFromEnv({});
    expect(config.limits).toEqual(limitsOptions());
    expect(config).toMatchObject({ port: 4000, registryTimeoutMs: 2000, tokenClockSkewSeconds: 30, shutdownTimeoutMs: 10_000 });
    expect(config.redisUrl).toBeUndefined();
    expect(config.journalConfig).toMatchObject({ dataDir: join('.negiz', 'journal'), maxQueue: 10_000, migrate: true });
  });

  it('reads every limit, the breaker and the journal from the environment', () => {
    const config = configFromEnv({
      NEGIZ_MAX_DEPTH: '6',
      NEGIZ_MAX_SUBJECTS: '2',
      NEGIZ_RATE_REQUESTS: '30',
      NEGIZ_RATE_SUBJECT_WINDOW_S: '600',
      NEGIZ_BREAKER_RESET_MS: '2500',
      NEGIZ_JOURNAL_URL: 'postgres://u@h/db',
      NEGIZ_JOURNAL_POOL_SIZE: '8',
      NEGIZ_JOURNAL_MIGRATE: '0',
      NEGIZ_REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(limitsOptions(config.limits)).toMatchObject({ maxDepth: 6, maxSubjects: 2, rate: { requests: 30, subjectWindowSeconds: 600 } });
    expect(config.upstreams.breaker.resetTimeoutMs).toBe(2500);
    expect(config.journalConfig).toMatchObject({ url: 'postgres://u@h/db', poolSize: 8, migrate: false });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
  });

  it('reads the YAML file of NEGIZ_CONFIG, maps included; the environment wins over it', () => {
    const path = yamlFile('NEGIZ_PORT: 4100\nNEGIZ_MAX_ALIASES: 4\nNEGIZ_SUBGRAPH_URLS:\n  s05-vehicles: http://h:1/graphql\n');
    const config = configFromEnv({ NEGIZ_CONFIG: path, NEGIZ_MAX_ALIASES: '7' });
    expect(config.port).toBe(4100);
    expect(config.limits.maxAliases).toBe(7);
    expect(config.subgraphs).toEqual({ kind: 'http', urls: { 's05-vehicles': 'http://h:1/graphql' }, batch: true });
  });

  it('names the setting, and the file, of an invalid value', () => {
    const path = yamlFile('NEGIZ_PORT: 99999\n');
    expect(() => readSettings({ NEGIZ_CONFIG: path })).toThrow(`${path}: NEGIZ_PORT: `);
    expect(() => readSettings({ NEGIZ_RATE_REQUESTS: 'many' })).toThrow(/^NEGIZ_RATE_REQUESTS: /);
    expect(() => readSettings({ NEGIZ_CONFIG: yamlFile('NEGIZ_PROT: 4000\n') })).toThrow(/NEGIZ_PROT: not a setting/);
    expect(() => readSettings({ NEGIZ_CONFIG: yamlFile('- a list\n') })).toThrow(/expected a map of settings/);
    expect(() => readSettings({ NEGIZ_CONFIG: yamlFile('a: [\n') })).toThrow(/not valid YAML/);
    expect(() => readSettings({ NEGIZ_CONFIG: '/nonexistent/negiz.yaml' })).toThrow(/NEGIZ_CONFIG: cannot read \/nonexistent\/negiz.yaml \(ENOENT\)/);
    expect(() => readSettings({ NEGIZ_JOURNAL_MIGRATE: 'perhaps' })).toThrow(/^NEGIZ_JOURNAL_MIGRATE: /);
  });
});
