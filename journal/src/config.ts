/**
 * Where the journal lives, from the environment: NEGIZ_JOURNAL_URL (postgres://...) for PostgreSQL, otherwise an
 * embedded PGlite database under NEGIZ_JOURNAL_DIR (default .negiz/journal). NEGIZ_JOURNAL_KEY: the checkpoint
 * signing key (private JWK, inline or a file); without it a development key is kept in .negiz/.
 */
import { join } from 'node:path';

export interface JournalConfig {
  /** postgres://... ; when absent, PGlite. */
  url?: string;
  /** PGlite data directory; 'memory' keeps it in memory (tests). */
  dataDir?: string;
  /** Private JWK (JSON) or a path to one. */
  signingKey?: string;
  /** Where a development key is kept when no signingKey is given; 'memory' for an ephemeral key. */
  devKeyPath?: string;
  /** Apply pending migrations at start (default true; a role without DDL rights sets false). */
  migrate?: boolean;
  maxQueue?: number;
  maxBatch?: number;
  checkpointIntervalMs?: number;
  /** Local offset recorded with each time (Kazakhstan: UTC+5). */
  utcOffsetMinutes?: number;
  /** Names this log in its checkpoints. */
  origin?: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
  connectTimeoutMs?: number;
  queryTimeoutMs?: number;
}

export function journalConfigFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): JournalConfig {
  const home = env.NEGIZ_HOME ?? join(cwd, '.negiz');
  return {
    url: env.NEGIZ_JOURNAL_URL || undefined,
    dataDir: env.NEGIZ_JOURNAL_DIR ?? join(home, 'journal'),
    signingKey: env.NEGIZ_JOURNAL_KEY || undefined,
    devKeyPath: join(home, 'journal-signing-key.json'),
    migrate: env.NEGIZ_JOURNAL_MIGRATE !== '0',
    origin: env.NEGIZ_JOURNAL_ORIGIN ?? 'negiz-journal',
  };
}
