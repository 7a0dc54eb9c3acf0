/**
 * Applies the SQL files of ./migrations in name order, once each, recording them in journal_migrations.
 * Run by the owner role (`negiz journal migrate`); the gateway role only checks that nothing is pending.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { SqlClient } from './sql-client.ts';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

export function migrationFiles(): Array<{ name: string; sql: string }> {
  return readdirSync(MIGRATIONS_DIR)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(new URL(name, MIGRATIONS_DIR), 'utf8') }));
}

export async function pendingMigrations(db: SqlClient): Promise<string[]> {
  const exists = await db.query<{ present: boolean }>(`select to_regclass('journal_migrations') is not null as present`);
  const applied = new Set<string>();
  if (exists.rows[0]?.present) {
    for (const row of (await db.query<{ name: string }>('select name from journal_migrations')).rows) applied.add(row.name);
  }
  return migrationFiles()
    .map((m) => m.name)
    .filter((name) => !applied.has(name));
}

export async function migrate(db: SqlClient): Promise<string[]> {
  if ((await pendingMigrations(db)).length === 0) return [];
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    // Two processes starting together must not both apply the same file.
    await tx.query(`select pg_advisory_xact_lock(7461, 1)`);
    await tx.query(`create table if not exists journal_migrations (name text primary key, applied_at timestamptz not null default now())`);
    const done = new Set((await tx.query<{ name: string }>('select name from journal_migrations')).rows.map((r) => r.name));
    for (const migration of migrationFiles()) {
      if (done.has(migration.name)) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('insert into journal_migrations (name) values ($1)', [migration.name]);
      applied.push(migration.name);
    }
  });
  return applied;
}

/** Splits on semicolons outside $$ bodies, quotes and comments (our migration files only use these forms). */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollar = false;
  let inQuote = false;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    if (!inDollar && !inQuote && ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
      current += '\n';
      continue;
    }
    if (!inQuote && sql.startsWith('$$', i)) {
      inDollar = !inDollar;
      current += '$$';
      i++;
      continue;
    }
    if (!inDollar && ch === "'") inQuote = !inQuote;
    if (!inDollar && !inQuote && ch === ';') {
      if (current.trim()) statements.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
