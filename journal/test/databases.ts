/** Test databases: a fresh PostgreSQL database per suite (created and dropped) and in-memory PGlite. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { JournalEntryInput } from '../src/contract.ts';

export const ADMIN_URL = process.env.NEGIZ_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  url: string;
  name: string;
  /** Superuser access to the database (tampering, role setup). */
  admin(): pg.Client;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `negiz_journal_test_${randomBytes(5).toString('hex')}`;
  const root = new pg.Client({ connectionString: ADMIN_URL });
  await root.connect();
  await root.query(`create database ${name}`);
  await root.end();
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    name,
    admin: () => new pg.Client({ connectionString: url }),
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

let counter = 0;
export function sampleEntry(overrides: Partial<JournalEntryInput> = {}): JournalEntryInput {
  counter++;
  return {
    requestId: `req-${counter}-${randomBytes(3).toString('hex')}`,
    receivedAt: new Date('2026-11-02T06:30:00.000Z'),
    user: { login: 'investigator.almaty', role: 3, organisation: 'MVD-ALMATY' },
    client: { kind: 'PORTAL', id: 'portal-1' },
    basis: { type: 'CRIMINAL', number: '261500031000123', verification: 'VERIFIED' },
    operation: { name: 'Person', documentHash: 'ab'.repeat(32), kind: 'query' },
    subjects: [{ kind: 'IIN', value: '900101300123' }],
    servicesCalled: ['s01-persons'],
    withheld: [],
    outcome: 'RELEASED',
    recordCounts: { 's01-persons': 1 },
    durationMs: 12,
    caseNumber: '261500031000123',
    ...overrides,
  };
}
