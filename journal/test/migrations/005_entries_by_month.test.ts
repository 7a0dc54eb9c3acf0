import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { generateCheckpointJwk, keyFromJwk, type CheckpointKey } from '../../src/checkpoint-key.ts';
import { createJournal, type JournalService } from '../../src/journal.ts';
import { migrate, migrationFiles, splitStatements } from '../../src/migrate.ts';
import { checkProofDocument } from '../../src/prove.ts';
import { postgresClient } from '../../src/sql-client.ts';
import { createTestDatabase, sampleEntry, type TestDatabase } from '../databases.ts';

const OPERATOR = { login: 'archivist', role: 0, organisation: 'OPERATOR' };

describe('entries partitioned by month (migration 005) on PostgreSQL', () => {
  let db: TestDatabase;
  let key: CheckpointKey;
  let journal: JournalService;
  let admin: pg.Client;
  const partitionOf = async (id: number): Promise<string> =>
    (await admin.query<{ part: string }>('select tableoid::regclass::text as part from journal_entries where id = $1', [id])).rows[0]!.part;

  beforeAll(async () => {
    db = await createTestDatabase();
    key = await keyFromJwk(await generateCheckpointJwk());
    // A journal as it was before the migration: 001-004 applied, entries of several months in one table.
    const client = postgresClient({ url: db.url });
    await client.transaction(async (tx) => {
      await tx.query('create table journal_migrations (name text primary key, applied_at timestamptz not null default now())');
      for (const m of migrationFiles().filter((f) => f.name < '005')) {
        for (const s of splitStatements(m.sql)) await tx.query(s);
        await tx.query('insert into journal_migrations (name) values ($1)', [m.name]);
      }
    });
    const before = await createJournal({ url: db.url, migrate: false, checkpointIntervalMs: 3_600_000 }, { db: client, key });
    for (const [i, at] of ['2026-10-15T10:00:00Z', '2026-11-02T06:30:00Z', '2026-11-20T09:00:00Z'].entries()) {
      await before.record(sampleEntry({ receivedAt: new Date(at), caseNumber: i === 0 ? 'CASE-OCT' : undefined }));
    }
    await before.checkpoint();
    await before.close();
    expect(await migrate(client)).toEqual(['005_entries_by_month.sql']);
    await client.close();
    journal = await createJournal({ url: db.url, checkpointIntervalMs: 3_600_000, retentionUnknownCaseDays: 400 }, { key });
    admin = db.admin();
    await admin.connect();
  }, 60_000);
  afterAll(async () => {
    await admin?.end();
    await journal?.close();
    await db?.drop();
  });

  it('moves the existing entries into their months and keeps verifying and proving across partitions', async () => {
    expect(await partitionOf(0)).toBe('journal_entries_202610');
    expect(await partitionOf(1)).toBe('journal_entries_202611');
    const now = new Date();
    const receipt = await journal.record(sampleEntry({ receivedAt: now }));
    expect(await partitionOf(Number(receipt.id))).toBe(`journal_entries_${now.toISOString().slice(0, 4)}${now.toISOString().slice(5, 7)}`);
    // A month nobody prepared lands in the default partition; preparing it later leaves those rows where they are.
    const old = await journal.record(sampleEntry({ receivedAt: new Date('2020-01-05T00:00:00Z'), caseNumber: undefined }));
    expect(await partitionOf(Number(old.id))).toBe('journal_entries_default');
    expect(await journal.store.prepareMonths(new Date('2020-01-01T00:00:00Z'), 2)).toBe(1);
    await journal.checkpoint();
    const report = await journal.verify();
    expect(report).toMatchObject({ ok: true, entries: 5, problems: [] });
    for (const id of [0, 2, 4]) expect(await checkProofDocument(await journal.prove(id), journal.key)).toBe(true);
  });

  it('refuses changes and truncation through a partition as through the table', async () => {
    await expect(admin.query(`update journal_entries_202611 set outcome = 'REFUSED' where id = 1`)).rejects.toThrow(/append-only/);
    await expect(admin.query('delete from journal_entries_202610')).rejects.toThrow(/append-only/);
    await expect(admin.query('truncate journal_entries_202611')).rejects.toThrow(/append-only/);
    await expect(admin.query('truncate journal_entries_default')).rejects.toThrow(/append-only/);
    await expect(admin.query('truncate journal_entries')).rejects.toThrow(/append-only/);
  });

  it('retention destroys the personal parts of old entries whose case is unknown, journaled, and the log still verifies', async () => {
    await expect(journal.destroyUnknownCases(OPERATOR, 0)).rejects.toThrow(RangeError);
    // 400 days: only the 2020 entry is older; the October entry has a case and waits for its case's destruction.
    const result = await journal.destroyUnknownCases(OPERATOR);
    expect(result.destroyed).toBe(1);
    const parts = await journal.store.personal(0, 100);
    expect([...parts.values()].filter((p) => p.destroyedAt).map((p) => p.entryId)).toEqual([4]);
    expect(parts.get(4)?.destructionEntry).toBe(Number(result.receipt.id));
    const { destroyed } = await journal.destroyCase('CASE-OCT', OPERATOR);
    expect(destroyed).toBe(1);
    await journal.checkpoint();
    expect(await journal.verify()).toMatchObject({ ok: true, destroyedPersonal: 2 });
    const entry = JSON.parse((await journal.store.entry(Number(result.receipt.id)))!.body) as { note: Record<string, number> };
    expect(entry.note).toEqual({ destroyedEntries: 1, retentionDays: 400 });
  });
});
