import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { subgraphSettingsSchema } from '@negiz/subgraphs/settings.ts';
import { settingsSchema } from '../src/settings.ts';
import { settingsTable, withSettingsTable } from '../src/settings-table.ts';

const OPERATIONS = new URL('../../docs/operations.md', import.meta.url);

describe("docs/operations.md's table of settings", () => {
  it('is the schema: every setting with its default and meaning (npm run docs:config rewrites it)', () => {
    const markdown = readFileSync(OPERATIONS, 'utf8');
    expect(withSettingsTable(markdown)).toBe(markdown);
    for (const name of Object.keys(settingsSchema.shape)) expect(settingsTable()).toContain(`| \`${name}\` |`);
    expect(settingsTable()).toContain('| `NEGIZ_RATE_REQUESTS` | `120` |');
    expect(settingsTable()).toContain('| `NEGIZ_SUPERGRAPH` | `schema/supergraph.graphql` |');
  });

  it("has the subgraph hosts' settings in a table of their own, the upstream and breaker entries shared with the gateway's", () => {
    const markdown = readFileSync(OPERATIONS, 'utf8');
    const table = settingsTable(subgraphSettingsSchema);
    expect(markdown).toContain(`<!-- subgraph-settings:start (npm run docs:config) -->\n${table}\n<!-- subgraph-settings:end -->`);
    expect(table).toContain('| `NEGIZ_PORT` | `4001` |');
    expect(table).not.toContain('NEGIZ_JOURNAL');
    for (const name of ['NEGIZ_UPSTREAM_RETRIES', 'NEGIZ_BREAKER_RESET_MS', 'NEGIZ_CONTEXT_PUBLIC_KEY'] as const) {
      expect(settingsSchema.shape[name]).toBe(subgraphSettingsSchema.shape[name]);
    }
  });

  it('needs its markers', () => {
    expect(() => withSettingsTable('# no table')).toThrow(/markers/);
  });
});
