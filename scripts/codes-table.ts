/** Rewrites the table of codes in docs/api.md from the register (schema/src/codes.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { withCodesTable } from '../schema/src/codes-table.ts';

const path = new URL('../docs/api.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = withCodesTable(before);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'docs/api.md: the table of codes is up to date' : 'docs/api.md: the table of codes rewritten');
