/**
 * Fills a PostgreSQL journal with N synthetic entries (same encoding and inserts as the writer, big batches,
 * a signed checkpoint every 100,000 entries), for the scale timings of queries.ts.
 * `node_modules/.bin/node bench/journal/fill.ts <entries> [database]` (default database negiz_journal_bench_fill;
 * it is created if missing and extended if it already holds entries).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { createJournal, encodeEntry, merkle, signCheckpoint, type InsertRow } from '@negiz/journal';
import { generator } from './population.ts';

const target = Number(process.argv[2] ?? 1_000_000);
const name = process.argv[3] ?? 'negiz_journal_bench_fill';
const admin = process.env.NEGIZ_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const keyPath = new URL('../results/journal-bench-key.tmp.json', import.meta.url).pathname;
const root = new pg.Client({ connectionString: admin });
await root.connect();
const exists = (await root.query('select 1 from pg_database where datname = $1', [name])).rowCount;
if (!exists) await root.query(`create database ${name}`);
await root.end();
const url = admin.replace(/\/[^/]*$/, `/${name}`);
mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
const journal = await createJournal({ url, devKeyPath: keyPath, checkpointIntervalMs: 3_600_000 });
const { key } = journal;
const { leafHash, MerkleFrontier } = merkle;
const make = generator(11);
const BATCH = 5000;
try {
  let size = await journal.store.size();
  // Resume from the frontier saved with the last checkpoint when it covers the whole log.
  const saved = journal.writer.committed();
  const frontier =
    saved && saved.size === size
      ? new MerkleFrontier(saved.size, saved.frontier)
      : MerkleFrontier.fromLeaves(await journal.store.leafHashes(journal.store.db, 0, size));
  const started = performance.now();
  const from = size;
  while (size < target) {
    const n = Math.min(BATCH, target - size);
    const rows: InsertRow[] = [];
    for (let i = 0; i < n; i++) {
      const encoded = encodeEntry(make(size + i), size + i, { utcOffsetMinutes: 300 });
      const hash = leafHash(encoded.body);
      frontier.append(hash);
      rows.push({ id: size + i, leafHash: hash, encoded });
    }
    await journal.store.db.transaction((tx) => journal.store.insertEntries(tx, rows));
    size += n;
    if (size % 100_000 === 0 || size === target) {
      const signedAt = new Date();
      const rootHash = frontier.root();
      const jws = await signCheckpoint(key, { origin: 'negiz-journal', treeSize: size, rootHash: rootHash.toString('hex'), timestamp: signedAt.toISOString() });
      await journal.store.insertCheckpoint({ treeSize: size, rootHash, signedAt, jws, frontier: [...frontier.nodes] });
      console.log(`${size} entries, ${Math.round((size - from) / ((performance.now() - started) / 1000))}/s`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await journal.store.db.query('analyze');
  const result = {
    benchmark: 'journal-fill',
    database: name,
    entries: size,
    added: size - from,
    seconds: Math.round(seconds),
    entriesPerSecond: Math.round((size - from) / seconds),
    at: new Date().toISOString(),
  };
  console.log(JSON.stringify(result));
  writeFileSync(new URL(`../results/journal-fill-${size}.json`, import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await journal.close();
}
