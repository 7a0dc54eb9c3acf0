/**
 * docs/operations.md's tables of settings, generated from the settings' schemas (`npm run docs:config`): the
 * gateway's, then the subgraph hosts' (`negiz serve-subgraphs`).
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { subgraphSettingsSchema } from '@negiz/subgraphs/settings.ts';
import { settingsSchema } from './settings.ts';

const TABLES = [
  { start: '<!-- settings:start (npm run docs:config) -->', end: '<!-- settings:end -->', schema: settingsSchema },
  { start: '<!-- subgraph-settings:start (npm run docs:config) -->', end: '<!-- subgraph-settings:end -->', schema: subgraphSettingsSchema },
];
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function defaultOf(schema: z.ZodType): string {
  const def = schema.def as { type: string; defaultValue?: unknown };
  if (def.type !== 'default') return '-';
  const value = def.defaultValue;
  if (typeof value === 'boolean') return value ? '`1`' : '`0`';
  // A path inside the repository is shown relative to it (the default supergraph).
  if (typeof value === 'string' && value.startsWith(ROOT)) return `\`${relative(ROOT, value)}\``;
  return `\`${String(value)}\``;
}

export function settingsTable(schema: z.ZodObject = settingsSchema): string {
  const rows = Object.entries(schema.shape).map(
    ([name, schema]) => `| \`${name}\` | ${defaultOf(schema as z.ZodType)} | ${((schema as z.ZodType).description ?? '').replaceAll('|', '\\|')} |`,
  );
  return ['| setting | default | meaning |', '|---|---|---|', ...rows].join('\n');
}

/** The markdown with the sections between the markers rewritten; throws when markers are missing. */
export function withSettingsTable(markdown: string): string {
  return TABLES.reduce((text, table) => {
    const start = text.indexOf(table.start);
    const end = text.indexOf(table.end);
    if (start < 0 || end < start) throw new Error(`the settings' markers (${table.start} ... ${table.end}) are missing`);
    return `${text.slice(0, start + table.start.length)}\n${settingsTable(table.schema)}\n${text.slice(end)}`;
  }, markdown);
}
