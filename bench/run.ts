/**
 * `npm run bench [-- <suite>...]`: runs the benchmark suites (each `bench/<suite>/bench.ts`), one after the other.
 * Each suite writes its machine-readable result to `bench/results/<suite>.json`; the figures and the commands
 * are recorded in docs/benchmarks.md. Benchmarks are not tests: nothing here asserts, it measures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const suites = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`${here}/${d.name}/bench.ts`))
  .map((d) => d.name)
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !suites.includes(w));
if (unknown.length) {
  console.error(`bench: unknown suite ${unknown.join(', ')} (suites: ${suites.join(', ') || 'none'})`);
  process.exit(2);
}
let failed = false;
for (const suite of wanted.length ? wanted : suites) {
  console.log(`\n== bench ${suite}`);
  const { status } = spawnSync(process.execPath, [`${here}/${suite}/bench.ts`], { stdio: 'inherit', cwd: here });
  if (status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
