import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCheckpointJwk, keyFromJwk } from '../src/checkpoint-key.ts';
import { createJournal } from '../src/journal.ts';
import { pgliteClient, postgresClient, sqlLiteral, type SqlClient } from '../src/sql-client.ts';
import { createTestDatabase, sampleEntry, type TestDatabase } from './databases.ts';

/** The client's calls, counted: what a batch cost in round trips. */
function counted(db: SqlClient) {
  const calls = { script: 0, transaction: 0 };
  const client: SqlClient = {
    ...db,
    kind: db.kind,
    query: (text, params) => db.query(text, params),
    exec: (text) => db.exec(text),
    close: () => db.close(),
    script: (text) => (calls.script++, db.script(text)),
    transaction: (fn) => (calls.transaction++, db.transaction(fn)),
  };
  return { client, calls };
}

const TRICKY = ["it's", "back\\slash \\n and quote \\'", "$1 $$ $tag$ E'x'", 'тізілім 证 🙂', 'line\nbreak\ttab', "''", '\\'];

describe('a sealed batch in one message', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  }, 60_000);
  afterAll(() => database?.drop());

  for (const kind of ['pglite', 'postgres'] as const) {
    it(`commits each batch after the first with one script, and the log verifies (${kind})`, async () => {
      const { client, calls } = counted(kind === 'pglite' ? await pgliteClient() : postgresClient({ url: database.url }));
      const key = await keyFromJwk(await generateCheckpointJwk());
      const journal = await createJournal({ devKeyPath: 'memory', checkpointIntervalMs: 3_600_000 }, { db: client, key });
      try {
        await journal.record(sampleEntry());
        const before = { ...calls };
        const receipts = [];
        for (let i = 0; i < 12; i++)
          receipts.push(await journal.record(sampleEntry({ user: { login: TRICKY[i % TRICKY.length]!, role: 3, organisation: 'MVD' } })));
        expect(calls.script - before.script).toBe(12);
        expect(calls.transaction - before.transaction).toBe(0);
        expect(receipts.map((r) => Number(r.id))).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
        await journal.checkpoint();
        const report = await journal.verify();
        expect(report.problems).toEqual([]);
        expect(report.entries).toBe(13);
      } finally {
        await journal.close();
        await client.close();
      }
    });
  }

  it('falls back to the transaction when another writer appended first', async () => {
    const fresh = await createTestDatabase();
    const key = await keyFromJwk(await generateCheckpointJwk());
    const a = counted(postgresClient({ url: fresh.url }));
    const ja = await createJournal({ devKeyPath: 'memory', checkpointIntervalMs: 3_600_000 }, { db: a.client, key });
    const jb = await createJournal({ url: fresh.url, devKeyPath: 'memory', checkpointIntervalMs: 3_600_000, migrate: false }, { key });
    try {
      await ja.record(sampleEntry());
      await ja.record(sampleEntry());
      await jb.record(sampleEntry());
      const before = { ...a.calls };
      const receipt = await ja.record(sampleEntry());
      // The script found the log ended elsewhere, wrote nothing, and the transaction sealed the batch again.
      expect(a.calls.script - before.script).toBe(1);
      expect(a.calls.transaction - before.transaction).toBe(1);
      expect(Number(receipt.id)).toBe(3);
      await ja.checkpoint();
      expect((await ja.verify()).problems).toEqual([]);
    } finally {
      await ja.close();
      await jb.close();
      await a.client.close();
      await fresh.drop();
    }
  });

  it('writes literals PostgreSQL reads back unchanged, as pg escapes them', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const lite = await pgliteClient();
    try {
      for (const value of TRICKY) {
        expect(sqlLiteral(value).trim()).toBe(pg.escapeLiteral(value).trim());
        expect((await client.query(`select ${sqlLiteral(value)} as v`)).rows[0].v).toBe(value);
        expect((await lite.query<{ v: string }>(`select ${sqlLiteral(value)} as v`)).rows[0]!.v).toBe(value);
      }
    } finally {
      await client.end();
      await lite.close();
    }
  });
});
