/**
 * The Negiz variants, started through the real CLI (`cli/bin/negiz.js start`, development mode: the development
 * identity provider, the demo users in the embedded account register, the mock case registry), so the gateway is
 * measured as shipped, with the V8 settings its launcher gives it:
 *  - `negiz`: subgraphs over HTTP (NEGIZ_SUBGRAPH_BASE_URL), the embedded journal (PGlite in NEGIZ_HOME, the default);
 *  - `negiz-pg`: the same with the journal and the account register on PostgreSQL, as in production
 *    (NEGIZ_JOURNAL=postgres, NEGIZ_ACCOUNTS_URL: two databases of the session's own);
 *  - `negiz-inprocess`: `negiz start` as a user runs it: all subgraphs in-process, the embedded journal.
 * Settings beyond the defaults, for all three: NEGIZ_LOG_LEVEL=warn, and the per-user budgets
 * (NEGIZ_RATE_REQUESTS, NEGIZ_RATE_SUBJECTS) raised, since the whole load is one user's. Every other NEGIZ_* of
 * this process's environment is dropped, and BENCH_NEGIZ_SETTINGS (a JSON object of NEGIZ_* values) is added
 * over all of it, for before/after runs of one setting (e.g. {"NEGIZ_SUBGRAPH_BATCH":"false"}). The token comes
 * from `negiz token --user <login>` in the variant's NEGIZ_HOME.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { untilReady } from '@negiz/gateway/development/child-processes.ts';
import { startPinned, type Child } from './processes.ts';

export const NEGIZ = fileURLToPath(new URL('../../cli/bin/negiz.js', import.meta.url));
export type NegizVariant = 'negiz' | 'negiz-pg' | 'negiz-inprocess';
const READY_TIMEOUT_MS = 120_000;

/** This process's environment without any Negiz setting. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('NEGIZ_')) delete env[key];
  delete env.NODE_ENV;
  return env;
}

export interface ContextKeyPair {
  privateKey: string;
  publicKey: string;
}

/** `negiz serve-subgraphs`: every service of the supergraph on one port. Resolves with its base URL. */
export async function startSubgraphs(core: number, keys: ContextKeyPair): Promise<{ child: Child; baseUrl: string }> {
  const env = { ...cleanEnv(), NEGIZ_CONTEXT_ALG: 'EdDSA', NEGIZ_CONTEXT_PUBLIC_KEY: keys.publicKey, NEGIZ_LOG_LEVEL: 'warn' };
  const { child, found } = await startPinned(
    'negiz serve-subgraphs',
    core,
    [process.execPath, NEGIZ, 'serve-subgraphs', '--port', '0', '--json'],
    env,
    (line) => (line.startsWith('{"address"') ? (JSON.parse(line) as { address: string }).address : undefined),
  );
  return { child, baseUrl: found };
}

export interface StartedNegiz {
  child: Child;
  url: string;
  headers: Record<string, string>;
  /** Stops the gateway and removes its NEGIZ_HOME. */
  close(): Promise<void>;
}

export async function startNegiz(
  variant: NegizVariant,
  options: { core: number; login: string; subgraphBaseUrl: string; keys: ContextKeyPair; journalUrl?: string; accountsUrl?: string },
): Promise<StartedNegiz> {
  const home = mkdtempSync(join(tmpdir(), `negiz-peers-${variant}-`));
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    NEGIZ_MODE: 'development',
    NEGIZ_HOME: home,
    NEGIZ_HOST: '127.0.0.1',
    NEGIZ_PORT: '0',
    NEGIZ_LOG_LEVEL: 'warn',
    NEGIZ_RATE_REQUESTS: '100000000',
    NEGIZ_RATE_SUBJECTS: '100000000',
  };
  if (variant !== 'negiz-inprocess') {
    Object.assign(env, {
      NEGIZ_SUBGRAPH_BASE_URL: options.subgraphBaseUrl,
      NEGIZ_CONTEXT_ALG: 'EdDSA',
      NEGIZ_CONTEXT_PRIVATE_KEY: options.keys.privateKey,
      NEGIZ_CONTEXT_PUBLIC_KEY: options.keys.publicKey,
    });
  }
  if (variant === 'negiz-pg') {
    if (!options.journalUrl || !options.accountsUrl) throw new Error('negiz-pg needs a journal database and an accounts database');
    Object.assign(env, { NEGIZ_JOURNAL: 'postgres', NEGIZ_JOURNAL_URL: options.journalUrl, NEGIZ_ACCOUNTS_URL: options.accountsUrl });
  }
  Object.assign(env, negizSettings());
  let child: Child | undefined;
  const close = async () => {
    await child?.stop();
    rmSync(home, { recursive: true, force: true });
  };
  try {
    const started = await startPinned(variant, options.core, [process.execPath, NEGIZ, 'start'], env, (line) => /gateway at (\S+)/.exec(line)?.[1]);
    child = started.child;
    await untilReady(started.found, READY_TIMEOUT_MS);
    const token = spawnSync(process.execPath, [NEGIZ, 'token', '--user', options.login, '--json'], { env, encoding: 'utf8' });
    if (token.status !== 0) throw new Error(`negiz token --user ${options.login} failed: ${token.stderr}`);
    const { token: bearer } = JSON.parse(token.stdout) as { token: string };
    return { child, url: started.found, headers: { authorization: `Bearer ${bearer}` }, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** BENCH_NEGIZ_SETTINGS: NEGIZ_* values over the variants' own. */
export function negizSettings(): Record<string, string> {
  const text = process.env.BENCH_NEGIZ_SETTINGS;
  if (!text) return {};
  const settings = JSON.parse(text) as Record<string, unknown>;
  for (const [key, value] of Object.entries(settings)) {
    if (!key.startsWith('NEGIZ_') || typeof value !== 'string') throw new Error(`BENCH_NEGIZ_SETTINGS: ${key} must be a NEGIZ_* setting with a string value`);
  }
  return settings as Record<string, string>;
}

/** A fresh PostgreSQL database on `serverUrl` for negiz-pg's journal (or its accounts); `drop` removes it (idempotent). */
export async function journalDatabase(serverUrl: string, session: number, purpose = 'journal'): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `negiz_peers_${purpose}_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}_${session}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return { url: url.toString(), name, drop: () => (dropped ??= admin(`drop database if exists ${name} with (force)`)) };
}
