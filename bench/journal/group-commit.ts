/**
 * Durable entries per second through the journal's group commit (target >= 10,000/s on PostgreSQL):
 * `node_modules/.bin/node bench/journal/group-commit.ts [entries] [concurrency] [max-batch]`; NEGIZ_BENCH_PG overrides the
 * server (default postgres://postgres@127.0.0.1:5432/test). Uses its own database, dropped afterwards.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { createJournal } from '@negiz/journal';
import { generator } from './population.ts';

const total = Number(process.argv[2] ?? 100_000);
const concurrency = Number(process.argv[3] ?? 4000);
const maxBatch = Number(process.argv[4] ?? 2000);
const admin = process.env.NEGIZ_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `negiz_journal_bench_${process.pid}`;
const root = new pg.Client({ connectionString: admin });
await root.connect();
await root.query(`create database ${name}`);
const url = admin.replace(/\/[^/]*$/, `/${name}`);
const journal = await createJournal({ url, devKeyPath: 'memory', maxQueue: concurrency * 2, maxBatch });
const make = generator(7);
try {
  let issued = 0;
  let latencies: number[] = [];
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (issued < total) {
      const i = issued++;
      const t = performance.now();
      await journal.record(make(i));
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies = latencies.sort((a, b) => a - b);
  const result = {
    benchmark: 'journal-group-commit',
    store: 'postgresql',
    entries: total,
    concurrency,
    maxBatch,
    seconds: Number(seconds.toFixed(2)),
    entriesPerSecond: Math.round(total / seconds),
    batches: journal.writer.stats.batches,
    meanBatch: Math.round(journal.writer.stats.entries / journal.writer.stats.batches),
    latencyMs: {
      p50: Number(latencies[Math.floor(latencies.length * 0.5)]!.toFixed(1)),
      p99: Number(latencies[Math.floor(latencies.length * 0.99)]!.toFixed(1)),
    },
    machine: { cpus: cpus().length, loadavg: loadavg().map((l) => Number(l.toFixed(1))) },
    at: new Date().toISOString(),
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../results/journal-group-commit.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await journal.close();
  await root.query(`drop database ${name} with (force)`);
  await root.end();
}
