import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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

  it('needs its markers', () => {
    expect(() => withSettingsTable('# no table')).toThrow(/markers/);
  });
});
