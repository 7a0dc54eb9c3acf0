import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJournal, type JournalService } from '../src/journal.ts';
import { createTestDatabase, sampleEntry, type TestDatabase } from './databases.ts';
import { generateCheckpointJwk, keyFromJwk } from '../src/checkpoint-key.ts';

// Two gateway processes on one journal database, each with two batches in flight (small batches force many):
// the batches sealed in advance must notice the other writer's entries and seal again, so the log stays one
// dense, verifiable sequence and every receipt names its own leaf.
describe('group commit with two writers on one PostgreSQL journal', () => {
  let db: TestDatabase;
  let a: JournalService;
  let b: JournalService;
  beforeAll(async () => {
    db = await createTestDatabase();
    const key = await keyFromJwk(await generateCheckpointJwk());
    a = await createJournal({ url: db.url, devKeyPath: 'memory', maxBatch: 7, checkpointIntervalMs: 100 }, { key });
    b = await createJournal({ url: db.url, devKeyPath: 'memory', maxBatch: 5, checkpointIntervalMs: 100, migrate: false }, { key });
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('interleaves their batches into one dense log that verifies', async () => {
    const record = (j: JournalService, n: number) => Promise.all(Array.from({ length: n }, () => j.record(sampleEntry())));
    const [ra, rb] = await Promise.all([record(a, 120), record(b, 90)]);
    const ids = [...ra, ...rb].map((r) => Number(r.id));
    expect(new Set(ids).size).toBe(210);
    expect(Math.max(...ids)).toBe(209);
    const stored = await a.store.entries(0, 1000);
    const byId = new Map(stored.map((e) => [e.id, e.leafHash.toString('hex')]));
    for (const r of [...ra, ...rb]) expect(byId.get(Number(r.id))).toBe(r.leafHash);
    await a.checkpoint();
    await b.checkpoint();
    const report = await a.verify();
    expect(report.problems).toEqual([]);
    expect(report.entries).toBe(210);
  });
});

// An operator's default of REPEATABLE READ would give the append a snapshot from before its lock: the writers'
// transactions set READ COMMITTED themselves.
describe('group commit with two writers, the database defaulting to REPEATABLE READ', () => {
  let db: TestDatabase;
  let a: JournalService;
  let b: JournalService;
  beforeAll(async () => {
    db = await createTestDatabase();
    const admin = db.admin();
    await admin.connect();
    await admin.query(`alter database ${db.name} set default_transaction_isolation = 'repeatable read'`);
    await admin.end();
    const key = await keyFromJwk(await generateCheckpointJwk());
    a = await createJournal({ url: db.url, devKeyPath: 'memory', maxBatch: 3, checkpointIntervalMs: 3_600_000 }, { key });
    b = await createJournal({ url: db.url, devKeyPath: 'memory', maxBatch: 4, checkpointIntervalMs: 3_600_000, migrate: false }, { key });
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('still writes one dense log of distinct ids that verifies', async () => {
    const record = (j: JournalService, n: number) => Promise.all(Array.from({ length: n }, () => j.record(sampleEntry())));
    const [ra, rb] = await Promise.all([record(a, 150), record(b, 150)]);
    const ids = [...ra, ...rb].map((r) => Number(r.id));
    expect(new Set(ids).size).toBe(300);
    expect(Math.max(...ids)).toBe(299);
    await a.checkpoint();
    const report = await a.verify();
    expect(report.problems).toEqual([]);
    expect(report.entries).toBe(300);
  });
});
