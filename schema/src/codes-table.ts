/**
 * The table of codes in docs/api.md, generated from the register: `npm run docs:codes` rewrites the section
 * between the two markers, and schema/test/codes.test.ts fails when the docs differ from what this generates.
 */
import { CODES, type CodeEntry } from './codes.ts';

export const CODES_TABLE_BEGIN = '<!-- codes:begin (generated from schema/src/codes.ts by `npm run docs:codes`; do not edit) -->';
export const CODES_TABLE_END = '<!-- codes:end -->';

const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** A link from docs/api.md to where the code is explained. */
function link(code: string, docs: string): string {
  const [file, anchor] = docs.split('#');
  return `[\`${code}\`](${file === 'api.md' ? '' : file}#${anchor ?? ''})`;
}

export function codesTable(codes: Readonly<Record<string, CodeEntry>> = CODES): string {
  const rows = Object.entries(codes).map(
    ([code, e]) =>
      `| ${link(code, e.docs)} | ${(e.statuses ?? [e.status]).join(', ')} | ${e.stages.join(', ')} | ${cell(e.rule)} | ${cell(e.meaning)}${e.apollo ? ' (also Apollo)' : ''} |`,
  );
  return ['| code | HTTP | stage | rule | meaning |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** `doc` with the section between the markers replaced by the generated table; throws when a marker is missing. */
export function withCodesTable(doc: string, codes: Readonly<Record<string, CodeEntry>> = CODES): string {
  const begin = doc.indexOf(CODES_TABLE_BEGIN);
  const end = doc.indexOf(CODES_TABLE_END);
  if (begin < 0 || end < begin) throw new Error(`docs/api.md needs the markers ${CODES_TABLE_BEGIN} and ${CODES_TABLE_END}`);
  return `${doc.slice(0, begin + CODES_TABLE_BEGIN.length)}\n${codesTable(codes)}\n${doc.slice(end)}`;
}
