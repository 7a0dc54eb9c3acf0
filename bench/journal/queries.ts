/**
 * Scale timings on a filled journal (fill.ts): subject lookup and one organisation's month report (median of
 * repeated runs, targets < 100 ms each at 5,000,000 entries) and a full verify (target < 30 s for 1,000,000).
 * `node_modules/.bin/node bench/journal/queries.ts [database] [--no-verify]`
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createJournal, flagRows, organisationReport, subjectLookup } from '@negiz/journal';
import { ORGANISATIONS, subjectIin } from './population.ts';

const name = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'negiz_journal_bench_fill';
const admin = process.env.NEGIZ_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const url = admin.replace(/\/[^/]*$/, `/${name}`);
const keyPath = new URL('../results/journal-bench-key.tmp.json', import.meta.url).pathname;
const journal = await createJournal({ url, devKeyPath: keyPath, checkpointIntervalMs: 3_600_000, migrate: false });
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async (fn: () => Promise<unknown>): Promise<number> => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};
try {
  const entries = await journal.store.size();
  const subjectMs: number[] = [];
  let found = 0;
  for (let i = 0; i < 41; i++) {
    const iin = subjectIin((i * 24_593) % 1_000_000);
    subjectMs.push(await time(async () => (found += (await subjectLookup(journal.store, { kind: 'IIN', value: iin })).length)));
  }
  const reportMs: number[] = [];
  const reportWithFlagsMs: number[] = [];
  let rows = 0;
  for (let i = 0; i < 11; i++) {
    const organisation = ORGANISATIONS[(i * 7) % ORGANISATIONS.length]!;
    // A month in the filled period (the generator spreads 5,000,000 entries over 2026).
    const filter = { organisation, from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-02-01T00:00:00Z') };
    reportMs.push(await time(async () => (rows = (await organisationReport(journal.store, filter)).length)));
    reportWithFlagsMs.push(await time(async () => flagRows(await organisationReport(journal.store, filter))));
  }
  let verify: { ms: number; ok: boolean; entries: number } | undefined;
  if (!process.argv.includes('--no-verify')) {
    const t = performance.now();
    const report = await journal.verify();
    verify = { ms: Math.round(performance.now() - t), ok: report.ok, entries: report.entries };
  }
  const result = {
    benchmark: 'journal-scale',
    entries,
    subjectLookupMs: { median: Number(median(subjectMs).toFixed(1)), runs: subjectMs.length, rowsFound: found },
    monthReportMs: {
      median: Number(median(reportMs).toFixed(1)),
      withFlagsMedian: Number(median(reportWithFlagsMs).toFixed(1)),
      runs: reportMs.length,
      rowsPerPage: rows,
    },
    verify,
    machine: { cpus: cpus().length, loadavg: loadavg().map((l) => Number(l.toFixed(1))) },
    at: new Date().toISOString(),
  };
  console.log(JSON.stringify(result, null, 2));
  const file = new URL(`../results/journal-scale-${entries}.json`, import.meta.url);
  // A run without verify keeps the verify figure of the previous run.
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { verify?: unknown }) : {};
  writeFileSync(file, `${JSON.stringify({ ...result, verify: result.verify ?? previous.verify }, null, 2)}\n`);
} finally {
  await journal.close();
}
