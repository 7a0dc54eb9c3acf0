/**
 * Where the journal lives, from the environment: NEGIZ_JOURNAL_URL (postgres://...) for PostgreSQL, otherwise an
 * embedded PGlite database under NEGIZ_JOURNAL_DIR (default .negiz/journal). NEGIZ_JOURNAL_KEY: the checkpoint
 * signing key (private JWK, inline or a file); without it a development key is kept in .negiz/.
 * NEGIZ_JOURNAL_WITNESSES: the witnesses each checkpoint is sent to.
 */
import { readFileSync } from 'node:fs';
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
  /** Witnesses each checkpoint is sent to (docs/journal.md "Witnesses"). */
  witnesses?: WitnessConfigEntry[];
  /** Delivery to witnesses: first retry delay (doubles up to witnessRetryMaxMs) and one request's time limit. */
  witnessRetryMs?: number;
  witnessRetryMaxMs?: number;
  witnessTimeoutMs?: number;
  /**
   * Days after which the personal parts of entries whose case is unknown (no case number) are destroyed by
   * `negiz journal retention`; undefined keeps them (docs/journal.md "Retention").
   */
  retentionUnknownCaseDays?: number;
}

export interface WitnessConfigEntry {
  /** The witness's submission prefix, e.g. https://witness.example/ (requests go to <url>/add-checkpoint). */
  url: string;
  /** Its verifier key, `<name>+<key id>+<base64>` (`negiz witness key`). */
  key: string;
}

function retentionDays(value: string | undefined): number | undefined {
  if (!value?.trim()) return undefined;
  if (!/^[1-9]\d*$/.test(value.trim())) throw new RangeError('NEGIZ_JOURNAL_RETENTION_UNKNOWN_CASE_DAYS must be a whole number of days');
  return Number(value.trim());
}

/** NEGIZ_JOURNAL_WITNESSES: a JSON array of { url, key }, inline or in a file. */
export function witnessesFrom(value: string | undefined): WitnessConfigEntry[] {
  if (!value?.trim()) return [];
  const text = value.trim().startsWith('[') ? value : readFileSync(value.trim(), 'utf8');
  const parsed = JSON.parse(text) as unknown;
  if (!Array.isArray(parsed) || !parsed.every((w) => typeof w?.url === 'string' && typeof w?.key === 'string')) {
    throw new RangeError('NEGIZ_JOURNAL_WITNESSES must be a JSON array of { "url": "...", "key": "<verifier key>" }');
  }
  return parsed as WitnessConfigEntry[];
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
    witnesses: witnessesFrom(env.NEGIZ_JOURNAL_WITNESSES),
    retentionUnknownCaseDays: retentionDays(env.NEGIZ_JOURNAL_RETENTION_UNKNOWN_CASE_DAYS),
  };
}
