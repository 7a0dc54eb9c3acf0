import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createJournal, type JournalService } from '../src/journal.ts';
import { JournalUnavailableError } from '../src/contract.ts';
import { checkProofDocument } from '../src/prove.ts';
import { subjectLookup } from '../src/reports.ts';
import { verifyConsistency } from '../src/merkle.ts';
import { ADMIN_URL, createTestDatabase, sampleEntry, type TestDatabase } from './databases.ts';

type Backend = { name: string; open(): Promise<JournalService>; tamper?(sql: string): Promise<void>; cleanup(): Promise<void> };

function postgresBackend(): Backend {
  let db: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'negiz-journal-key-'));
  return {
    name: 'postgres',
    async open() {
      db ??= await createTestDatabase();
      // The same key across a restart, as in production (a fresh key could not check the old checkpoints).
      return createJournal({ url: db.url, devKeyPath: join(dir, 'key.json'), checkpointIntervalMs: 200 });
    },
    async tamper(sql) {
      // The superuser bypasses the triggers, as an intruder with full database access would.
      const client = db.admin();
      await client.connect();
      try {
        await client.query(`set session_replication_role = replica; ${sql}`);
      } finally {
        await client.end();
      }
    },
    async cleanup() {
      await db?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function pgliteBackend(): Backend {
  // On disk, as `npm start` uses it (WAL fdatasync after each commit), in a temporary directory.
  const dir = mkdtempSync(join(tmpdir(), 'negiz-journal-'));
  return {
    name: 'pglite',
    open: () => createJournal({ dataDir: join(dir, 'db'), devKeyPath: join(dir, 'key.json'), checkpointIntervalMs: 200 }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

describe.each([postgresBackend(), pgliteBackend()])('journal on $name', (backend) => {
  let journal: JournalService;
  beforeAll(async () => {
    journal = await backend.open();
  }, 120_000);
  afterAll(async () => {
    await journal?.close();
    await backend.cleanup();
  });

  it('commits N concurrent records as N entries with distinct receipts, in few transactions', async () => {
    const before = journal.writer.stats.batches;
    const receipts = await Promise.all(Array.from({ length: 300 }, () => journal.record(sampleEntry())));
    const ids = new Set(receipts.map((r) => r.id));
    expect(ids.size).toBe(300);
    expect(new Set(receipts.map((r) => r.leafHash)).size).toBe(300);
    expect(await journal.store.size()).toBe(300);
    expect(journal.writer.stats.batches - before).toBeLessThan(300);
  });

  it('refuses a malformed entry alone and commits the rest of its batch', async () => {
    const results = await Promise.allSettled([
      journal.record(sampleEntry()),
      journal.record(sampleEntry({ subjects: [{ kind: 'PLATE', value: 'A\u0000B' }] })),
      journal.record(sampleEntry({ receivedAt: new Date('not a date') })),
      journal.record(sampleEntry()),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(TypeError);
  });

  it('stores awkward subject and service values exactly', async () => {
    const plate = 'A"B\\C,{D} E';
    await journal.record(sampleEntry({ subjects: [{ kind: 'PLATE', value: plate }], servicesCalled: ['s50 "vehicles"', 'x,y'] }));
    const rows = await subjectLookup(journal.store, { kind: 'PLATE', value: plate });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.subjects).toEqual([{ kind: 'PLATE', value: plate }]);
    const { rows: raw } = await journal.store.db.query<{ services: string[] }>('select services from journal_entries where id = $1', [rows[0]!.id]);
    expect(raw[0]!.services).toEqual(['s50 "vehicles"', 'x,y']);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on entries and checkpoints', async () => {
    await journal.checkpoint();
    for (const sql of [
      `update journal_entries set outcome = 'REFUSED' where id = 1`,
      `delete from journal_entries where id = 1`,
      `truncate journal_entries`,
      `update journal_checkpoints set tree_size = 1`,
      `delete from journal_checkpoints`,
      `truncate journal_checkpoints`,
      `delete from journal_personal where entry_id = 1`,
      `update journal_personal set login = 'someone' where entry_id = 1`,
    ]) {
      await expect(journal.store.db.query(sql), sql).rejects.toThrow(/append-only|refused/);
    }
  });

  it('proves inclusion against a signed checkpoint, and the proof checks offline', async () => {
    const receipt = await journal.record(sampleEntry());
    const proof = await journal.prove(Number(receipt.id));
    expect(proof.verified).toBe(true);
    expect(proof.leafHash).toBe(receipt.leafHash);
    expect(await checkProofDocument(proof, journal.key)).toBe(true);
    expect(await checkProofDocument({ ...proof, leaf: proof.leaf.replace('RELEASED', 'REFUSED') }, journal.key)).toBe(false);
    expect(proof.leaf).not.toContain('900101300123');
    const c = await journal.consistency(5, proof.treeSize);
    expect(c.newRoot).toBe(proof.rootHash);
    const h = (x: string): Buffer => Buffer.from(x, 'hex');
    expect(verifyConsistency(5, proof.treeSize, h(c.oldRoot), h(c.newRoot), c.proof.map(h))).toBe(true);
  });

  it('verifies green, and destruction of a case keeps it green while erasing the personal part', async () => {
    await journal.record(sampleEntry({ caseNumber: '261500031000999', subjects: [{ kind: 'IIN', value: '850505400321' }] }));
    await journal.checkpoint();
    expect((await journal.verify()).ok).toBe(true);
    const { destroyed, receipt } = await journal.destroyCase('261500031000999', { login: 'operator', role: 0, organisation: 'KPSSU' });
    expect(destroyed).toBe(1);
    const { rows } = await journal.store.db.query<{ n: unknown }>(
      `select count(*) as n from journal_personal where '850505400321' = any(subjects) or body like '%850505400321%'`,
    );
    expect(Number(rows[0]!.n)).toBe(0);
    const report = await journal.verify();
    expect(report.problems).toEqual([]);
    expect(report.destroyedPersonal).toBe(1);
    expect(Number(receipt.id)).toBe(report.entries - 1);
  });

  it('continues the same log after a restart (frontier restored from the signed checkpoint)', async () => {
    const before = await journal.store.size();
    await journal.close();
    journal = await backend.open();
    const receipt = await journal.record(sampleEntry());
    expect(Number(receipt.id)).toBe(before);
    await journal.checkpoint();
    const report = await journal.verify();
    expect(report.problems).toEqual([]);
    expect(report.uncheckpointed).toBe(0);
  }, 120_000);

  it('names an entry modified by a superuser who bypassed the triggers', async () => {
    await journal.store.db.transaction(async (tx) => {
      await tx.query('set local session_replication_role = replica');
      await tx.query(`update journal_entries set body = replace(body, '"durationMs":12', '"durationMs":13') where id = 42`);
    });
    expect((await journal.verify()).firstProblem).toMatchObject({ kind: 'modified', entryId: 42 });
  });
});

describe('journal tampering on postgres (superuser bypassing the triggers)', () => {
  let db: TestDatabase;
  let journal: JournalService;
  const fresh = async (): Promise<void> => {
    await journal?.close();
    await db?.drop();
    db = await createTestDatabase();
    journal = await createJournal({ url: db.url, devKeyPath: 'memory', checkpointIntervalMs: 60_000 });
    await Promise.all(Array.from({ length: 20 }, (_, i) => journal.record(sampleEntry({ durationMs: i }))));
    await journal.checkpoint();
    expect((await journal.verify()).ok).toBe(true);
  };
  const tamper = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('set session_replication_role = replica');
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  afterAll(async () => {
    await journal?.close();
    await db?.drop();
  });

  it('names a modified entry', async () => {
    await fresh();
    await tamper(`update journal_entries set body = replace(body, '"RELEASED"', '"REFUSED"') where id = 7`);
    const report = await journal.verify();
    expect(report.firstProblem).toMatchObject({ kind: 'modified', entryId: 7 });
  });

  it('names a modified entry whose leaf hash was recomputed too, through the signed root', async () => {
    await fresh();
    await tamper(`update journal_entries set body = replace(body, '"RELEASED"', '"REFUSED"') where id = 7;
      update journal_entries set leaf_hash = sha256('\\x00'::bytea || convert_to(body, 'UTF8')) where id = 7`);
    const report = await journal.verify();
    expect(report.ok).toBe(false);
    expect(report.problems.some((p) => p.kind === 'checkpoint-mismatch')).toBe(true);
  });

  it('names a deleted entry', async () => {
    await fresh();
    await tamper(`delete from journal_entries where id = 5`);
    expect((await journal.verify()).firstProblem).toMatchObject({ kind: 'deleted', entryId: 5 });
  });

  it('names a deleted entry when the following ids were renumbered', async () => {
    await fresh();
    await tamper(`delete from journal_entries where id = 5; update journal_entries set id = id - 1 where id > 5`);
    expect((await journal.verify()).firstProblem).toMatchObject({ kind: 'deleted', entryId: 5 });
  });

  it('names an inserted entry', async () => {
    await fresh();
    await tamper(`update journal_entries set id = id + 1000 where id >= 9; update journal_entries set id = id - 999 where id >= 1000;
      insert into journal_entries (id, leaf_hash, body, received_at, organisation, outcome, client_kind)
        select 9, sha256('\\x00'::bytea || convert_to(replace(body, '"seq":8', '"seq":9'), 'UTF8')), replace(body, '"seq":8', '"seq":9'),
               received_at, organisation, outcome, client_kind from journal_entries where id = 8`);
    expect((await journal.verify()).firstProblem).toMatchObject({ kind: 'inserted', entryId: 9 });
  });

  it('names reordered entries', async () => {
    await fresh();
    await tamper(
      `update journal_entries set id = 1000 where id = 3; update journal_entries set id = 3 where id = 4; update journal_entries set id = 4 where id = 1000`,
    );
    expect((await journal.verify()).firstProblem).toMatchObject({ kind: 'reordered', entryId: 3 });
  });

  it('detects a modified personal part and a forged checkpoint', async () => {
    await fresh();
    await tamper(`update journal_personal set login = 'other', body = replace(body, 'investigator.almaty', 'other') where entry_id = 2;
      update journal_checkpoints set root_hash = '\\x00'`);
    const report = await journal.verify();
    expect(report.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['personal-modified', 'checkpoint-mismatch']));
    expect(report.problems.find((p) => p.kind === 'personal-modified')?.entryId).toBe(2);
  });
});

describe('journal unavailable', () => {
  it('refuses to open when PostgreSQL cannot be reached', async () => {
    await expect(createJournal({ url: 'postgres://postgres@127.0.0.1:5433/none', devKeyPath: 'memory', connectTimeoutMs: 500 })).rejects.toBeInstanceOf(
      JournalUnavailableError,
    );
  });

  it('rejects a whole batch with JournalUnavailableError when PostgreSQL goes away mid-run, and recovers', async () => {
    const db = await createTestDatabase();
    const journal = await createJournal({ url: db.url, devKeyPath: 'memory', connectTimeoutMs: 1000 });
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    try {
      await journal.record(sampleEntry());
      await admin.query(`alter database ${db.name} allow_connections false`);
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1`, [db.name]);
      const results = await Promise.allSettled(Array.from({ length: 5 }, () => journal.record(sampleEntry())));
      for (const r of results) {
        expect(r.status).toBe('rejected');
        expect((r as PromiseRejectedResult).reason).toBeInstanceOf(JournalUnavailableError);
      }
      await admin.query(`alter database ${db.name} allow_connections true`);
      await journal.record(sampleEntry());
      expect(await journal.store.size()).toBe(2);
      expect((await journal.verify()).problems).toEqual([]);
    } finally {
      await journal.close();
      await admin.end();
      await db.drop();
    }
  }, 20_000);

  it('refuses beyond the bounded queue instead of losing entries', async () => {
    const db = await createTestDatabase();
    const journal = await createJournal({ url: db.url, devKeyPath: 'memory', maxQueue: 10, maxBatch: 5 });
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => journal.record(sampleEntry())));
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter((r) => r.status === 'rejected' && r.reason instanceof JournalUnavailableError).length;
    expect(ok + refused).toBe(40);
    expect(refused).toBeGreaterThan(0);
    expect(await journal.store.size()).toBe(ok);
    await journal.close();
    await db.drop();
  }, 20_000);
});
