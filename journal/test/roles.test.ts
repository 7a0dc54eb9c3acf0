import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createJournal, type JournalService } from '../src/journal.ts';
import { splitStatements } from '../src/migrate.ts';
import { ADMIN_URL, createTestDatabase, sampleEntry, type TestDatabase } from './databases.ts';

// Roles are cluster-wide: unique names per run, dropped afterwards.
const suffix = randomBytes(3).toString('hex');
const names = { negiz_journal_owner: `njo_${suffix}`, negiz_gateway: `ngw_${suffix}`, negiz_journal_destroyer: `njd_${suffix}` };
const rolesSql = (): string[] =>
  splitStatements(
    readFileSync(new URL('../src/roles.sql', import.meta.url), 'utf8').replace(
      /negiz_journal_owner|negiz_gateway|negiz_journal_destroyer/g,
      (m) => names[m as keyof typeof names],
    ),
  );

async function run(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

const as = (db: TestDatabase, role: string): string => db.url.replace('postgres@', `${role}@`);

describe('journal roles on postgres (roles.sql)', () => {
  let db: TestDatabase;
  let gateway: JournalService;
  beforeAll(async () => {
    db = await createTestDatabase();
    const statements = rolesSql();
    const superuser = statements.filter((s) => /^(create role|grant create)/.test(s));
    await run(db.url, superuser);
    const owner = await createJournal({ url: as(db, names.negiz_journal_owner), devKeyPath: 'memory' });
    await owner.close();
    await run(
      as(db, names.negiz_journal_owner),
      statements.filter((s) => !superuser.includes(s)),
    );
    gateway = await createJournal({ url: as(db, names.negiz_gateway), devKeyPath: 'memory' });
  }, 30_000);
  afterAll(async () => {
    await gateway?.close();
    await db?.drop();
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    for (const role of Object.values(names)) await admin.query(`drop role if exists ${role}`).catch(() => undefined);
    await admin.end();
  });

  it('lets the gateway role insert and read, and nothing else', async () => {
    const receipt = await gateway.record(sampleEntry({ caseNumber: 'CASE-R1' }));
    expect(receipt.id).toBe('0');
    await gateway.checkpoint();
    for (const sql of [
      'update journal_entries set outcome = $1',
      'delete from journal_entries',
      'truncate journal_entries',
      'delete from journal_checkpoints',
      'update journal_personal set login = $1',
      "select journal_destroy_case('CASE-R1', 0)",
      "insert into journal_grants (login, organisation, kind, letter_reference, granted_by) values ('x','y','REPORTS','l','me')",
    ]) {
      await expect(gateway.store.db.query(sql, sql.includes('$1') ? ['x'] : []), sql).rejects.toThrow(/permission denied|refused/);
    }
  });

  it('lets only the destroyer role erase a case, and the log stays verifiable', async () => {
    const destroyer = await createJournal({ url: as(db, names.negiz_journal_destroyer), devKeyPath: 'memory' }, { key: gateway.key });
    try {
      const { destroyed } = await destroyer.destroyCase('CASE-R1', { login: 'archivist', role: 0, organisation: 'KPSSU' });
      expect(destroyed).toBe(1);
    } finally {
      await destroyer.close();
    }
    const report = await gateway.verify();
    expect(report.problems).toEqual([]);
    expect(report.destroyedPersonal).toBe(1);
  });
});
