/** Test fixtures: a fresh PostgreSQL database per suite holding the register and the journal, a movable clock. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createJournal, type JournalService } from '@negiz/journal';
import { openAccounts, type Accounts } from '../src/open.ts';
import type { ChangeContext } from '../src/types.ts';
import type { Agreement } from '../src/agreement.ts';

export const ADMIN_URL = process.env.NEGIZ_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `negiz_accounts_test_${randomBytes(5).toString('hex')}`;
  const root = new pg.Client({ connectionString: ADMIN_URL });
  await root.connect();
  await root.query(`create database ${name}`);
  await root.end();
  return {
    url: ADMIN_URL.replace(/\/[^/]*$/, `/${name}`),
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** A clock the test moves. */
export class TestClock {
  at: number;
  constructor(start = Date.parse('2026-12-01T06:00:00Z')) {
    this.at = start;
  }
  now = (): Date => new Date(this.at);
  advance(ms: number): void {
    this.at += ms;
  }
}

export interface Fixture {
  db: TestDatabase;
  journal: JournalService;
  accounts: Accounts;
  clock: TestClock;
  close(): Promise<void>;
}

export async function openFixture(options: { agreement?: Agreement; redisUrl?: string } = {}): Promise<Fixture> {
  const db = await createTestDatabase();
  const journal = await createJournal({ url: db.url, devKeyPath: 'memory', checkpointIntervalMs: 60_000 });
  const clock = new TestClock();
  const accounts = await openAccounts(
    { url: db.url, ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}) },
    { journal, now: clock.now, ...(options.agreement ? { agreement: options.agreement } : {}) },
  );
  return {
    db,
    journal,
    accounts,
    clock,
    async close() {
      await accounts.close();
      await journal.close();
      await db.drop();
    },
  };
}

export const OPERATOR: ChangeContext = {
  actor: { login: 'operator.kpssu', role: 0, organisation: 'КПССУ ГП РК' },
  client: { kind: 'CLI', id: 'negiz users' },
  reason: 'registration on the application of the body',
};

export const withReason = (reason: string, document?: string): ChangeContext => ({ ...OPERATOR, reason, ...(document ? { document } : {}) });

/** The journal's account entries, oldest first, as the Reports read them. */
export async function accountEntries(
  journal: JournalService,
): Promise<Array<{ name: string; outcome: string; refusal: string | null; note: unknown; subjects: unknown; reason: string | null }>> {
  const rows = (
    await journal.store.db.query<{ body: string; personal: string | null }>(
      `select e.body, p.body as personal from journal_entries e left join journal_personal p on p.entry_id = e.id order by e.id`,
    )
  ).rows;
  return rows
    .map((r) => ({ sealed: JSON.parse(r.body), personal: r.personal ? JSON.parse(r.personal) : null }))
    .filter((r) => r.sealed.operation.kind === 'account')
    .map((r) => ({
      name: r.sealed.operation.name,
      outcome: r.sealed.outcome,
      refusal: r.sealed.refusal ?? null,
      note: r.sealed.note ?? null,
      subjects: r.personal?.subjects ?? null,
      reason: r.personal?.reason ?? null,
    }));
}
