/**
 * The gateway's configuration from the environment (docs/operations.md lists every variable). Development mode
 * runs on embedded defaults: in-process subgraphs, the development identity provider, the demo users and the
 * mock case registries, the embedded journal. Production mode requires the identity provider and the registries.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const DEFAULT_SUPERGRAPH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

const envSchema = z.object({
  NEGIZ_MODE: z.enum(['development', 'production']).optional(),
  NEGIZ_HOST: z.string().default('127.0.0.1'),
  NEGIZ_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  NEGIZ_HOME: z.string().default('.negiz'),
  NEGIZ_SUPERGRAPH: z.string().default(DEFAULT_SUPERGRAPH),
  NEGIZ_JWKS: z.string().optional(),
  NEGIZ_ISSUER: z.string().optional(),
  NEGIZ_AUDIENCE: z.string().optional(),
  NEGIZ_CASE_REGISTRY_URL: z.url().optional(),
  NEGIZ_USER_REGISTRY_URL: z.url().optional(),
  NEGIZ_REGISTRY_AUTHORIZATION: z.string().optional(),
  NEGIZ_SUBGRAPH_BASE_URL: z.url().optional(),
  NEGIZ_SUBGRAPH_URLS: z.string().optional(),
  NEGIZ_JOURNAL: z.enum(['embedded', 'memory', 'postgres']).optional(),
  NEGIZ_BASIS_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
  NEGIZ_TOKEN_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(60_000),
  NEGIZ_USER_STATUS_CACHE_MS: z.coerce.number().int().min(0).max(2_000).default(1_000),
  /** Share of interactive requests that must carry basis.reason (random justification challenge); 0 turns it off. */
  NEGIZ_JUSTIFICATION_SHARE: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(1 / 20),
  NEGIZ_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
});

export interface GatewayConfig {
  mode: 'development' | 'production';
  host: string;
  port: number;
  home: string;
  supergraphPath: string;
  identity?: { jwks: string; issuer: string; audience: string };
  caseRegistryUrl?: string;
  userRegistryUrl?: string;
  registryAuthorization?: string;
  /** Subgraph URL per slug; absent: hosted in-process. */
  subgraphs: { kind: 'inprocess' } | { kind: 'http'; baseUrl?: string; urls: Record<string, string> };
  journal: 'embedded' | 'memory' | 'postgres';
  basisCacheMs: number;
  tokenCacheMs: number;
  userStatusCacheMs: number;
  /** Share of interactive requests challenged for a justification (0-1; court systems never). */
  justificationShare: number;
  logLevel: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
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
    if (!e.NEGIZ_USER_REGISTRY_URL) throw new ConfigError('production mode needs NEGIZ_USER_REGISTRY_URL (the account register)');
    if (e.NEGIZ_JOURNAL === 'memory') throw new ConfigError('production mode needs a durable journal (embedded or postgres)');
  }
  if (e.NEGIZ_JOURNAL === 'postgres' && !env.NEGIZ_JOURNAL_URL)
    throw new ConfigError('NEGIZ_JOURNAL=postgres needs NEGIZ_JOURNAL_URL (postgres://user@host:5432/db)');
  return {
    mode,
    host: e.NEGIZ_HOST,
    port: e.NEGIZ_PORT,
    home: e.NEGIZ_HOME,
    supergraphPath: e.NEGIZ_SUPERGRAPH,
    ...(identity ? { identity } : {}),
    ...(e.NEGIZ_CASE_REGISTRY_URL ? { caseRegistryUrl: e.NEGIZ_CASE_REGISTRY_URL } : {}),
    ...(e.NEGIZ_USER_REGISTRY_URL ? { userRegistryUrl: e.NEGIZ_USER_REGISTRY_URL } : {}),
    ...(e.NEGIZ_REGISTRY_AUTHORIZATION ? { registryAuthorization: e.NEGIZ_REGISTRY_AUTHORIZATION } : {}),
    subgraphs:
      e.NEGIZ_SUBGRAPH_BASE_URL || Object.keys(urls).length
        ? { kind: 'http', ...(e.NEGIZ_SUBGRAPH_BASE_URL ? { baseUrl: e.NEGIZ_SUBGRAPH_BASE_URL } : {}), urls }
        : { kind: 'inprocess' },
    journal: e.NEGIZ_JOURNAL ?? (env.NEGIZ_JOURNAL_URL ? 'postgres' : 'embedded'),
    basisCacheMs: e.NEGIZ_BASIS_CACHE_MS,
    tokenCacheMs: e.NEGIZ_TOKEN_CACHE_MS,
    userStatusCacheMs: e.NEGIZ_USER_STATUS_CACHE_MS,
    justificationShare: e.NEGIZ_JUSTIFICATION_SHARE,
    logLevel: e.NEGIZ_LOG_LEVEL,
  };
}
