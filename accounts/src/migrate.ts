/**
 * Applies the SQL files of ./migrations in name order, once each, recording them in accounts_migrations: the
 * journal's way (its SQL client and statement splitter), on the register's own tables.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { splitStatements } from '@negiz/journal/migrate.ts';
import type { SqlClient } from '@negiz/journal/sql-client.ts';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

function migrationFiles(): Array<{ name: string; sql: string }> {
  return readdirSync(MIGRATIONS_DIR)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(new URL(name, MIGRATIONS_DIR), 'utf8') }));
}

export async function migrateAccounts(db: SqlClient): Promise<string[]> {
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    // Two replicas starting together must not both apply the same file.
    await tx.query(`select pg_advisory_xact_lock(7461, 2)`);
    await tx.query(`create table if not exists accounts_migrations (name text primary key, applied_at timestamptz not null default now())`);
    const done = new Set((await tx.query<{ name: string }>('select name from accounts_migrations')).rows.map((r) => r.name));
    for (const migration of migrationFiles()) {
      if (done.has(migration.name)) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('insert into accounts_migrations (name) values ($1)', [migration.name]);
      applied.push(migration.name);
    }
  });
  return applied;
}
