/**
 * Tests mirror the source tree: `<package>/test/<path>/<file>[.<aspect>][.browser].test.ts` tests
 * `<package>/src/<path>/<file>.ts` (or `<file>/index.ts`, or `<file>.sql`); a service's tests sit beside it in
 * `subgraphs/services/<service>/`; `<package>/test/adversarial/` attacks the whole package from outside, as a
 * client would. Prints each test that names no source file and exits non-zero.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const tests = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.test.ts'], { encoding: 'utf8' }).split('\n').filter(Boolean);
const strays: string[] = [];
for (const test of tests) {
  if (test.startsWith('subgraphs/services/') || /^[^/]+\/test\/adversarial\//.test(test)) continue;
  const match = /^([^/]+)\/test\/(.+)\.test\.ts$/.exec(test);
  if (!match) {
    strays.push(test);
    continue;
  }
  const [, pkg, rest] = match;
  const parts = rest!.replace(/\.browser$/, '').split('/');
  const file = parts.pop()!;
  const dir = parts.length ? `${pkg}/src/${parts.join('/')}` : `${pkg}/src`;
  const base = file.split('.')[0];
  const candidates = [`${dir}/${base}.ts`, `${dir}/${base}/index.ts`, `${dir}/${base}.sql`];
  if (!candidates.some((c) => existsSync(c))) strays.push(test);
}
if (strays.length) {
  console.error(`tests that name no source file (see scripts/test-names.ts):\n  ${strays.join('\n  ')}`);
  process.exit(1);
}
console.log(`test-names: ${tests.length} tests, each named after the file it tests`);
