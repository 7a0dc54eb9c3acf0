import pg from 'pg';
import { createJournal } from '@negiz/gateway/journal/journal.ts';
import { prepareEntry, sealEntry } from '@negiz/gateway/journal/encoding.ts';
import { leafHash } from '@negiz/gateway/journal/merkle.ts';
import { insertParameters } from '@negiz/gateway/journal/store.ts';
import { generator } from '/work/main/bench/journal/population.ts';
const admin = 'postgres://postgres@127.0.0.1:5432/test';
const name = `negiz_jprof_${process.pid}`;
const root = new pg.Client({ connectionString: admin }); await root.connect();
await root.query(`create database ${name}`);
const url = admin.replace(/\/[^/]*$/, `/${name}`);
const journal = await createJournal({ url, devKeyPath: 'memory' });
const make = generator(7);
const store = journal.store;
const t: Record<string, number> = { prep: 0, seal: 0, params: 0, insert: 0, exec: 0, commit: 0 };
let id = 0;
const B = 2000, N = 25;
const explain = process.argv.includes('--explain');
for (let b = 0; b < N; b++) {
  let s = performance.now();
  const prepared = Array.from({ length: B }, (_, i) => prepareEntry(make(id + i), { utcOffsetMinutes: 300 }));
  t.prep += performance.now() - s; s = performance.now();
  const rows = prepared.map((p, i) => { const e = sealEntry(p, id + i); return { id: id + i, leafHash: leafHash(e.body), encoded: e }; });
  t.seal += performance.now() - s; s = performance.now();
  const params = insertParameters(rows);
  for (const v of params.values) v.charCodeAt(0);
  t.params += performance.now() - s;
  await store.db.transaction(async (tx) => {
    s = performance.now();
    if (explain) {
      const q = { query: async (text: string, p: unknown[]) => { const r = await tx.query('explain (analyze, format json) ' + text, p); t.exec += (r.rows[0] as any)['QUERY PLAN'][0]['Execution Time']; return r; } };
      await store.insertEntries(q as never, params);
    } else await store.insertEntries(tx, params);
    t.insert += performance.now() - s;
    s = performance.now();
  });
  t.commit += performance.now() - s;
  id += B;
}
for (const k in t) console.log(k, (t[k]! / (N * B) * 1000).toFixed(1), 'us/entry');
await journal.close();
await root.query(`drop database ${name} with (force)`); await root.end();
