/** docs/operations.md's table of settings, generated from the settings' schema (`npm run docs:config`). */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { settingsSchema } from './settings.ts';

const START = '<!-- settings:start (npm run docs:config) -->';
const END = '<!-- settings:end -->';
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

export function settingsTable(): string {
  const rows = Object.entries(settingsSchema.shape).map(
    ([name, schema]) => `| \`${name}\` | ${defaultOf(schema as z.ZodType)} | ${((schema as z.ZodType).description ?? '').replaceAll('|', '\\|')} |`,
  );
  return ['| setting | default | meaning |', '|---|---|---|', ...rows].join('\n');
}

/** The markdown with the section between the markers rewritten; throws when the markers are missing. */
export function withSettingsTable(markdown: string): string {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) throw new Error(`the settings' markers (${START} ... ${END}) are missing`);
  return `${markdown.slice(0, start + START.length)}\n${settingsTable()}\n${markdown.slice(end)}`;
}
