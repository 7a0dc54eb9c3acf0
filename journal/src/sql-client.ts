/**
 * One small SQL surface over the two stores of the journal: PostgreSQL through `pg` (production) and PGlite
 * (embedded PostgreSQL in WASM, for `npm start` and tests). Both speak the same SQL and `$n` parameters.
 */
import { mkdirSync, watch, type FSWatcher } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';

export interface SqlQuery {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

export interface SqlClient extends SqlQuery {
  readonly kind: 'postgres' | 'pglite';
  /** Runs fn in one transaction; resolves only after COMMIT returned (and, for PGlite, the WAL reached the disk). */
  transaction<T>(fn: (tx: SqlQuery) => Promise<T>): Promise<T>;
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  /**
   * The statements of `text` (no parameters) between a BEGIN and a COMMIT it adds, sent as one message: one round
   * trip. Resolves with each of its statements' affected-row counts once COMMIT returned (PGlite: and the WAL
   * reached the disk); on an error the transaction is rolled back and the promise rejects.
   */
  script(text: string): Promise<number[]>;
  close(): Promise<void>;
}

/**
 * Whatever the server's default_transaction_isolation: the append path takes its lock, then reads where the log
 * ends, and only under READ COMMITTED does that read (a later statement, a new snapshot) see what the writer who
 * held the lock before committed; a snapshot from before the lock could let two batches take the same ids.
 */
const BEGIN = 'BEGIN ISOLATION LEVEL READ COMMITTED';

/**
 * A string as a PostgreSQL literal, as pg's escapeLiteral writes it (quotes doubled; with a backslash, an E''
 * literal with backslashes doubled), without its per-character loop: a batch's bodies are tens of kilobytes.
 */
export function sqlLiteral(value: string): string {
  if (value.includes('\\')) return ` E'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
  return `'${value.replaceAll("'", "''")}'`;
}

/** The counts of a simple-protocol result: one per statement, BEGIN and COMMIT left out. */
function innerCounts(counts: number[]): number[] {
  return counts.slice(1, -1);
}

export interface PostgresOptions {
  url: string;
  /** Pool size; the writer needs one connection, reports and checkpoints the others. */
  max?: number;
  connectTimeoutMs?: number;
  queryTimeoutMs?: number;
}

/** Work on one pooled connection: rolled back when it fails, and the connection dropped if even that fails. */
async function onClient<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    return await work(client);
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch {
      broken = true;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

export function postgresClient(options: PostgresOptions): SqlClient {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 2000,
    query_timeout: options.queryTimeoutMs ?? 10_000,
    application_name: 'negiz-journal',
    // The journal's reads are short index scans: starting parallel workers costs more than it saves
    // (a month's report page at 5,000,000 entries: about 120 ms with a worker, 80-95 ms without).
    options: '-c max_parallel_workers_per_gather=0',
  });
  // An idle client losing its server must not crash the process: the next query fails and the journal reports it.
  pool.on('error', () => undefined);
  // A checked-out client whose server goes away emits 'error' too; without a listener that would crash the process.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return {
    kind: 'postgres',
    async query(text, params) {
      return pool.query(text, params as unknown[]) as never;
    },
    transaction: (fn) =>
      onClient(pool, async (client) => {
        await client.query(BEGIN);
        const result = await fn({ query: (text, params) => client.query(text, params as unknown[]) as never });
        await client.query('COMMIT');
        return result;
      }),
    async exec(text) {
      await pool.query(text);
    },
    script: (text) =>
      onClient(pool, async (client) => {
        const results = (await client.query(`${BEGIN}; ${text}; COMMIT`)) as unknown as pg.QueryResult | pg.QueryResult[];
        return innerCounts((Array.isArray(results) ? results : [results]).map((r) => r.rowCount ?? 0));
      }),
    async close() {
      await pool.end();
    },
  };
}

export interface PgliteOptions {
  /** Data directory; undefined keeps the database in memory (tests). */
  dataDir?: string;
  /** fdatasync the current WAL segment after each COMMIT (default true); see docs/journal.md "Durability". */
  syncWal?: boolean;
  /** Told the WAL segments synced after each COMMIT (tests, diagnostics). */
  onWalSynced?: (segments: readonly string[]) => void;
}

const WAL_SEGMENT = /^[0-9A-F]{24}$/;

/**
 * PGlite runs with fsync = off and its Node filesystem has no fsync, but writes go straight to the real files, so
 * a COMMIT has reached the kernel when it returns: a crash of the process loses nothing, a power cut could. So
 * after each COMMIT we fdatasync the WAL ourselves; group commit makes that one fsync per batch. The sync runs on
 * libuv's thread pool, so the event loop (and the next batch, in WASM) goes on while the disk flushes.
 * Which segment is current: with `wal_recycle = off` the directory holds, past the current segment, at most the
 * one a checkpoint preallocated, so the two newest names cover the current one (and the one before it when a
 * commit crossed the switch); with recycling on, old segments are renamed to future names and the newest names
 * are empty files. The listing is remembered until the directory changes (inotify), not read per commit.
 * (Data files are not fsynced at checkpoints: PGlite is the development store, see docs/journal.md.)
 */
export async function pgliteClient(options: PgliteOptions = {}): Promise<SqlClient> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir, relaxedDurability: false, postgresqlconf: ['wal_recycle = off'] } : {});
  const walDir = options.dataDir && options.syncWal !== false ? join(options.dataDir, 'pg_wal') : undefined;
  let newest: Promise<string[]> | undefined;
  let watcher: FSWatcher | undefined;
  if (walDir) {
    try {
      watcher = watch(walDir, { persistent: false }, () => (newest = undefined));
      // Without events the listing is read on every commit again.
      watcher.on('error', () => ((watcher = undefined), (newest = undefined)));
    } catch {
      watcher = undefined;
    }
  }
  const list = async (): Promise<string[]> =>
    (await readdir(walDir!))
      .filter((name) => WAL_SEGMENT.test(name))
      .sort()
      .slice(-2);
  const segments = (): Promise<string[]> => (watcher ? (newest ??= list()) : list());
  const syncSegment = async (name: string): Promise<void> => {
    const file = await open(join(walDir!, name), 'r+');
    try {
      await file.datasync();
    } finally {
      await file.close();
    }
  };
  const syncWal = async (): Promise<void> => {
    if (!walDir) return;
    const names = await segments();
    try {
      await Promise.all(names.map(syncSegment));
    } catch (error) {
      // A segment removed since the listing (a checkpoint): list again and sync what is there now.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      newest = undefined;
      const again = await segments();
      await Promise.all(again.map(syncSegment));
      options.onWalSynced?.(again);
      return;
    }
    options.onWalSynced?.(names);
  };
  return {
    kind: 'pglite',
    async query(text, params) {
      const result = await db.query(text, params as unknown[]);
      return { rows: result.rows as never[] };
    },
    async transaction(fn) {
      const result = await db.transaction(async (tx) =>
        fn({ query: async (text, params) => ({ rows: (await tx.query(text, params as unknown[])).rows as never[] }) }),
      );
      await syncWal();
      return result;
    },
    async exec(text) {
      await db.exec(text);
    },
    async script(text) {
      let results;
      try {
        results = await db.exec(`${BEGIN}; ${text}; COMMIT`);
      } catch (error) {
        await db.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
      await syncWal();
      return innerCounts(results.map((r) => r.affectedRows ?? 0));
    },
    async close() {
      watcher?.close();
      await db.close();
    },
  };
}
