/**
 * The gateway's configuration, from the settings (gateway/src/settings.ts: the environment and the optional YAML
 * file NEGIZ_CONFIG; docs/operations.md lists every setting). Development mode runs on embedded defaults:
 * in-process subgraphs, the development identity provider, the demo users and the mock case registries, the
 * embedded journal. Production mode requires the identity provider and the registries.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { witnessesFrom, type JournalConfig } from '@negiz/journal';
import type { LimitsInput } from './clients/limits/options.ts';
import { ConfigError, readSettings, type Settings } from './settings.ts';

export { ConfigError, DEFAULT_SUPERGRAPH } from './settings.ts';

export interface GatewayConfig {
  mode: 'development' | 'production';
  host: string;
  port: number;
  home: string;
  supergraphPath: string;
  identity?: { jwks: string; issuer: string; audience: string };
  caseRegistryUrl?: string;
  userRegistryUrl?: string;
  /** The account register (docs/accounts.md); `http`: the outside register at userRegistryUrl, read only. */
  accounts: { kind: 'http' } | { kind: 'postgres'; url: string } | { kind: 'embedded'; dataDir: string } | { kind: 'memory' };
  registryAuthorization?: string;
  registryTimeoutMs: number;
  /** Subgraph URL per slug; absent: hosted in-process. */
  subgraphs: { kind: 'inprocess' } | { kind: 'http'; baseUrl?: string; urls: Record<string, string>; batch: boolean };
  subgraphTimeoutMs: number;
  /** In-process subgraphs' HTTP upstreams: timeout, retries and breaker. */
  upstreams: {
    timeoutMs: number;
    retries: number;
    backoffMs: number;
    breaker: { errorThresholdPercentage: number; resetTimeoutMs: number; volumeThreshold: number; rollingCountTimeoutMs: number };
  };
  /** The context key pair, in the variables' form contextKeys() reads. */
  contextKeys: { NEGIZ_CONTEXT_PRIVATE_KEY?: string; NEGIZ_CONTEXT_PUBLIC_KEY?: string; NEGIZ_CONTEXT_ALG: string };
  journal: 'embedded' | 'memory' | 'postgres';
  /** Where and how the durable journal is opened (unused for `memory`). */
  journalConfig: JournalConfig;
  basisCacheMs: number;
  tokenCacheMs: number;
  tokenClockSkewSeconds: number;
  userStatusCacheMs: number;
  /** Share of interactive requests challenged for a justification (0-1; court systems never). */
  justificationShare: number;
  /** The clients' stage's limits (docs/clients.md). */
  limits: LimitsInput;
  redisUrl?: string;
  otlpUrl?: string;
  shutdownTimeoutMs: number;
  readyTimeoutMs: number;
  logLevel: string;
}

function witnessesOf(value: string | undefined): JournalConfig['witnesses'] {
  try {
    return witnessesFrom(value);
  } catch (error) {
    throw new ConfigError(`NEGIZ_JOURNAL_WITNESSES: ${(error as Error).message}`);
  }
}

function journalConfigOf(e: Settings, kind: GatewayConfig['journal']): JournalConfig {
  const common: JournalConfig = {
    signingKey: e.NEGIZ_JOURNAL_KEY,
    devKeyPath: join(e.NEGIZ_HOME, 'journal-signing-key.json'),
    migrate: e.NEGIZ_JOURNAL_MIGRATE,
    origin: e.NEGIZ_JOURNAL_ORIGIN,
    maxQueue: e.NEGIZ_JOURNAL_MAX_QUEUE,
    maxBatch: e.NEGIZ_JOURNAL_MAX_BATCH,
    checkpointIntervalMs: e.NEGIZ_JOURNAL_CHECKPOINT_MS,
    witnesses: witnessesOf(e.NEGIZ_JOURNAL_WITNESSES),
  };
  if (kind !== 'postgres') return { ...common, dataDir: e.NEGIZ_JOURNAL_DIR ?? join(e.NEGIZ_HOME, 'journal') };
  return {
    ...common,
    url: e.NEGIZ_JOURNAL_URL,
    poolSize: e.NEGIZ_JOURNAL_POOL_SIZE,
    connectTimeoutMs: e.NEGIZ_JOURNAL_CONNECT_TIMEOUT_MS,
    queryTimeoutMs: e.NEGIZ_JOURNAL_QUERY_TIMEOUT_MS,
  };
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const e = readSettings(env);
  const mode = e.NEGIZ_MODE ?? (env.NODE_ENV === 'production' ? 'production' : 'development');
  let urls: Record<string, string> = {};
  if (e.NEGIZ_SUBGRAPH_URLS) {
    try {
      urls = z.record(z.string(), z.url()).parse(JSON.parse(e.NEGIZ_SUBGRAPH_URLS));
    } catch {
      throw new ConfigError('NEGIZ_SUBGRAPH_URLS: expected a JSON object {"s05-vehicles": "http://..."}');
    }
  }
  const identity = e.NEGIZ_JWKS ? { jwks: e.NEGIZ_JWKS, issuer: e.NEGIZ_ISSUER ?? '', audience: e.NEGIZ_AUDIENCE ?? '' } : undefined;
  if (identity && (!identity.issuer || !identity.audience)) throw new ConfigError('NEGIZ_JWKS needs NEGIZ_ISSUER and NEGIZ_AUDIENCE');
  if (mode === 'production') {
    if (!identity) throw new ConfigError('production mode needs the identity provider: NEGIZ_JWKS, NEGIZ_ISSUER, NEGIZ_AUDIENCE');
    if (!e.NEGIZ_CASE_REGISTRY_URL) throw new ConfigError('production mode needs NEGIZ_CASE_REGISTRY_URL (the case registries)');
    if (!e.NEGIZ_USER_REGISTRY_URL && !e.NEGIZ_ACCOUNTS_URL)
      throw new ConfigError('production mode needs the account register: NEGIZ_ACCOUNTS_URL (PostgreSQL) or NEGIZ_USER_REGISTRY_URL');
    if (e.NEGIZ_JOURNAL === 'memory') throw new ConfigError('production mode needs a durable journal (embedded or postgres)');
  }
  if (e.NEGIZ_JOURNAL === 'postgres' && !e.NEGIZ_JOURNAL_URL)
    throw new ConfigError('NEGIZ_JOURNAL=postgres needs NEGIZ_JOURNAL_URL (postgres://user@host:5432/db)');
  const journal = e.NEGIZ_JOURNAL ?? (e.NEGIZ_JOURNAL_URL ? 'postgres' : 'embedded');
  return {
    mode,
    host: e.NEGIZ_HOST,
    port: e.NEGIZ_PORT,
    home: e.NEGIZ_HOME,
    supergraphPath: e.NEGIZ_SUPERGRAPH,
    ...(identity ? { identity } : {}),
    ...(e.NEGIZ_CASE_REGISTRY_URL ? { caseRegistryUrl: e.NEGIZ_CASE_REGISTRY_URL } : {}),
    ...(e.NEGIZ_USER_REGISTRY_URL ? { userRegistryUrl: e.NEGIZ_USER_REGISTRY_URL } : {}),
    accounts: e.NEGIZ_USER_REGISTRY_URL
      ? { kind: 'http' }
      : e.NEGIZ_ACCOUNTS_URL
        ? { kind: 'postgres', url: e.NEGIZ_ACCOUNTS_URL }
        : journal === 'memory' && !e.NEGIZ_ACCOUNTS_DIR
          ? { kind: 'memory' }
          : { kind: 'embedded', dataDir: e.NEGIZ_ACCOUNTS_DIR ?? join(e.NEGIZ_HOME, 'accounts') },
    ...(e.NEGIZ_REGISTRY_AUTHORIZATION ? { registryAuthorization: e.NEGIZ_REGISTRY_AUTHORIZATION } : {}),
    registryTimeoutMs: e.NEGIZ_REGISTRY_TIMEOUT_MS,
    subgraphs:
      e.NEGIZ_SUBGRAPH_BASE_URL || Object.keys(urls).length
        ? { kind: 'http', ...(e.NEGIZ_SUBGRAPH_BASE_URL ? { baseUrl: e.NEGIZ_SUBGRAPH_BASE_URL } : {}), urls, batch: e.NEGIZ_SUBGRAPH_BATCH }
        : { kind: 'inprocess' },
    subgraphTimeoutMs: e.NEGIZ_SUBGRAPH_TIMEOUT_MS,
    upstreams: {
      timeoutMs: e.NEGIZ_UPSTREAM_TIMEOUT_MS,
      retries: e.NEGIZ_UPSTREAM_RETRIES,
      backoffMs: e.NEGIZ_UPSTREAM_BACKOFF_MS,
      breaker: {
        errorThresholdPercentage: e.NEGIZ_BREAKER_ERROR_PERCENT,
        resetTimeoutMs: e.NEGIZ_BREAKER_RESET_MS,
        volumeThreshold: e.NEGIZ_BREAKER_VOLUME,
        rollingCountTimeoutMs: e.NEGIZ_BREAKER_WINDOW_MS,
      },
    },
    contextKeys: {
      NEGIZ_CONTEXT_ALG: e.NEGIZ_CONTEXT_ALG,
      ...(e.NEGIZ_CONTEXT_PRIVATE_KEY ? { NEGIZ_CONTEXT_PRIVATE_KEY: e.NEGIZ_CONTEXT_PRIVATE_KEY } : {}),
      ...(e.NEGIZ_CONTEXT_PUBLIC_KEY ? { NEGIZ_CONTEXT_PUBLIC_KEY: e.NEGIZ_CONTEXT_PUBLIC_KEY } : {}),
    },
    journal,
    journalConfig: journalConfigOf(e, journal),
    basisCacheMs: e.NEGIZ_BASIS_CACHE_MS,
    tokenCacheMs: e.NEGIZ_TOKEN_CACHE_MS,
    tokenClockSkewSeconds: e.NEGIZ_TOKEN_CLOCK_SKEW_S,
    userStatusCacheMs: e.NEGIZ_USER_STATUS_CACHE_MS,
    justificationShare: e.NEGIZ_JUSTIFICATION_SHARE,
    limits: {
      maxDepth: e.NEGIZ_MAX_DEPTH,
      maxAliases: e.NEGIZ_MAX_ALIASES,
      maxCost: e.NEGIZ_MAX_COST,
      maxFields: e.NEGIZ_MAX_FIELDS,
      maxSubjects: e.NEGIZ_MAX_SUBJECTS,
      maxBatch: e.NEGIZ_MAX_BATCH,
      maxBodyBytes: e.NEGIZ_MAX_BODY_BYTES,
      rate: {
        requests: e.NEGIZ_RATE_REQUESTS,
        requestWindowSeconds: e.NEGIZ_RATE_REQUEST_WINDOW_S,
        subjects: e.NEGIZ_RATE_SUBJECTS,
        subjectWindowSeconds: e.NEGIZ_RATE_SUBJECT_WINDOW_S,
      },
    },
    ...(e.NEGIZ_REDIS_URL ? { redisUrl: e.NEGIZ_REDIS_URL } : {}),
    ...(e.NEGIZ_OTLP_URL ? { otlpUrl: e.NEGIZ_OTLP_URL } : {}),
    shutdownTimeoutMs: e.NEGIZ_SHUTDOWN_TIMEOUT_MS,
    readyTimeoutMs: e.NEGIZ_READY_TIMEOUT_MS,
    logLevel: e.NEGIZ_LOG_LEVEL,
  };
}
