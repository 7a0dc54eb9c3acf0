/** Rewrites the tables of settings in docs/operations.md from the gateway's and the subgraph hosts' settings' schemas. */
import { readFileSync, writeFileSync } from 'node:fs';
import { withSettingsTable } from '../gateway/src/settings-table.ts';

const path = new URL('../docs/operations.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = withSettingsTable(before);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'docs/operations.md: the table of settings is up to date' : 'docs/operations.md: the table of settings rewritten');
