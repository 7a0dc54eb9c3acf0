/**
 * docs/reliability.md's table is the suite's: the families and the cases tried and held of the last results
 * (`REGENERATE=1 npx vitest run --project gateway test/adversarial`), and the counts are those the suite runs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { RESULTS_PATH } from './invariants.ts';
import { FUZZ_CASES, SEED } from './grammar.ts';

const doc = readFileSync(fileURLToPath(new URL('../../../docs/reliability.md', import.meta.url)), 'utf8');
const results = JSON.parse(readFileSync(RESULTS_PATH, 'utf8')) as {
  families: Array<{ family: string; tried: number; held: number }>;
  seed: number;
  fuzzCases: number;
};

it("docs/reliability.md's table lists the last results' families with their counts, all held", () => {
  const table = doc.slice(doc.indexOf('<!-- adversarial-table -->'), doc.indexOf('<!-- /adversarial-table -->'));
  const rows = [...table.matchAll(/^\| (\w+)\s*\| (\d+)\s*\| (\d+)\s*\|/gm)].map(([, family, tried, held]) => ({
    family,
    tried: Number(tried),
    held: Number(held),
  }));
  expect(rows).toEqual(results.families.map(({ family, tried, held }) => ({ family, tried, held })));
  for (const row of rows) expect(row.held, row.family).toBe(row.tried);
  expect(results.seed).toBe(SEED);
  expect(results.fuzzCases).toBe(FUZZ_CASES);
  expect(results.families.find((f) => f.family === 'fuzz')?.tried).toBe(FUZZ_CASES);
  expect(doc).toContain('0 failures');
  expect(doc).toContain('npm run bench -- hostile');
});
