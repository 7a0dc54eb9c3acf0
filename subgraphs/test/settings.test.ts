import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readSubgraphSettings } from '../src/settings.ts';

function yamlFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'negiz-subgraph-settings-')), 'subgraphs.yaml');
  writeFileSync(path, text);
  return path;
}

describe("a subgraph host's settings", () => {
  it('run on defaults with no settings at all', () => {
    expect(readSubgraphSettings({})).toMatchObject({
      NEGIZ_HOST: '127.0.0.1',
      NEGIZ_PORT: 4001,
      NEGIZ_LOG_LEVEL: 'warn',
      NEGIZ_CONTEXT_ALG: 'EdDSA',
      NEGIZ_UPSTREAM_TIMEOUT_MS: 2000,
      NEGIZ_UPSTREAM_RETRIES: 2,
      NEGIZ_BREAKER_RESET_MS: 10_000,
    });
    expect(readSubgraphSettings({}).NEGIZ_OTLP_URL).toBeUndefined();
  });

  it('come from the YAML file of NEGIZ_CONFIG and the environment, which wins', () => {
    const path = yamlFile('NEGIZ_PORT: 4101\nNEGIZ_UPSTREAM_RETRIES: 4\nNEGIZ_CACHE: redis\nNEGIZ_REDIS_URL: redis://127.0.0.1:6379\n');
    const settings = readSubgraphSettings({ NEGIZ_CONFIG: path, NEGIZ_UPSTREAM_RETRIES: '1', NEGIZ_BREAKER_VOLUME: '0', NEGIZ_LOG_LEVEL: 'info' });
    expect(settings).toMatchObject({ NEGIZ_PORT: 4101, NEGIZ_UPSTREAM_RETRIES: 1, NEGIZ_BREAKER_VOLUME: 0, NEGIZ_LOG_LEVEL: 'info', NEGIZ_CACHE: 'redis' });
  });

  it('name the setting of an invalid variable', () => {
    expect(() => readSubgraphSettings({ NEGIZ_UPSTREAM_TIMEOUT_MS: 'soon' })).toThrow(/^NEGIZ_UPSTREAM_TIMEOUT_MS: /);
    expect(() => readSubgraphSettings({ NEGIZ_BREAKER_ERROR_PERCENT: '0' })).toThrow(/^NEGIZ_BREAKER_ERROR_PERCENT: /);
    expect(() => readSubgraphSettings({ NEGIZ_PORT: '70000' })).toThrow(/^NEGIZ_PORT: /);
    expect(() => readSubgraphSettings({ NEGIZ_LOG_LEVEL: 'loud' })).toThrow(/^NEGIZ_LOG_LEVEL: /);
    expect(() => readSubgraphSettings({ NEGIZ_OTLP_URL: 'collector' })).toThrow(/^NEGIZ_OTLP_URL: /);
    expect(() => readSubgraphSettings({ NEGIZ_CONTEXT_ALG: 'RS256' })).toThrow(/^NEGIZ_CONTEXT_ALG: /);
    expect(() => readSubgraphSettings({ NEGIZ_CACHE: 'redis' })).toThrow('NEGIZ_REDIS_URL: required with NEGIZ_CACHE=redis');
    expect(() => readSubgraphSettings({ NEGIZ_CACHE: 'disk' })).toThrow(ConfigError);
  });

  it('name the file and the setting of an invalid key of the file', () => {
    const path = yamlFile('NEGIZ_BREAKER_WINDOW_MS: 0\n');
    expect(() => readSubgraphSettings({ NEGIZ_CONFIG: path })).toThrow(`${path}: NEGIZ_BREAKER_WINDOW_MS: `);
    // The environment's valid value wins over the file's invalid one.
    expect(readSubgraphSettings({ NEGIZ_CONFIG: path, NEGIZ_BREAKER_WINDOW_MS: '500' }).NEGIZ_BREAKER_WINDOW_MS).toBe(500);
    // The gateway's settings are no subgraph host's.
    expect(() => readSubgraphSettings({ NEGIZ_CONFIG: yamlFile('NEGIZ_JOURNAL_URL: postgres://h/db\n') })).toThrow(/NEGIZ_JOURNAL_URL: not a setting/);
    expect(() => readSubgraphSettings({ NEGIZ_CONFIG: yamlFile('- a list\n') })).toThrow(/expected a map of settings/);
    expect(() => readSubgraphSettings({ NEGIZ_CONFIG: yamlFile('a: [\n') })).toThrow(/not valid YAML/);
    expect(() => readSubgraphSettings({ NEGIZ_CONFIG: '/nonexistent/subgraphs.yaml' })).toThrow(
      /^NEGIZ_CONFIG: cannot read \/nonexistent\/subgraphs.yaml \(ENOENT\)/,
    );
  });
});
