/** A fresh PostgreSQL database per suite, created and dropped, for the tests that put the journal on it. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URL = process.env.NEGIZ_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  url: string;
  /** Superuser access to the database. */
  admin(): pg.Client;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `negiz_gateway_test_${randomBytes(5).toString('hex')}`;
  const root = new pg.Client({ connectionString: ADMIN_URL });
  await root.connect();
  await root.query(`create database ${name}`);
  await root.end();
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    admin: () => new pg.Client({ connectionString: url }),
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
