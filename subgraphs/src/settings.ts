/**
 * Every setting of a subgraph host (`negiz serve-subgraphs`): one zod schema whose keys are the environment
 * variables' names, each with its default and meaning (docs/operations.md's second table is generated from it).
 * The upstream and context-key entries are defined here once: the gateway's schema includes them for the
 * subgraphs it hosts in process. The same names are the keys of the optional YAML file named by NEGIZ_CONFIG; a
 * variable set in the environment wins over the file.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const ms = (max: number) => z.coerce.number().int().min(0).max(max);
const count = (min = 1) => z.coerce.number().int().min(min);

/** The HTTP adapter's timeout, retries and circuit breaker (docs/services.md). */
export const upstreamSettings = {
  NEGIZ_UPSTREAM_TIMEOUT_MS: ms(600_000).default(2_000).describe('subgraphs with HTTP upstreams: per attempt'),
  NEGIZ_UPSTREAM_RETRIES: z.coerce.number().int().min(0).max(10).default(2).describe('further attempts after network errors, timeouts and 5xx'),
  NEGIZ_UPSTREAM_BACKOFF_MS: ms(60_000).default(50).describe('first backoff delay, doubled per retry'),
  NEGIZ_BREAKER_ERROR_PERCENT: z.coerce.number().min(1).max(100).default(50).describe("an upstream's breaker opens past this share of failures"),
  NEGIZ_BREAKER_VOLUME: count(0).default(5).describe('calls in the window before the breaker may open'),
  NEGIZ_BREAKER_WINDOW_MS: count().default(10_000).describe("the breaker's rolling window"),
  NEGIZ_BREAKER_RESET_MS: count().default(10_000).describe('how long an open breaker waits before a trial call'),
};

/** The key that context signatures verify against. */
export const contextKeySettings = {
  NEGIZ_CONTEXT_ALG: z.enum(['EdDSA', 'ES256']).default('EdDSA').describe('algorithm of the context key'),
  NEGIZ_CONTEXT_PUBLIC_KEY: z.string().optional().describe('SPKI PEM public key of the context key (subgraph hosts)'),
};

const levels = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']);

export const subgraphSettingsSchema = z
  .object({
    NEGIZ_HOST: z.string().default('127.0.0.1').describe('listen address (`--host` wins)'),
    NEGIZ_PORT: z.coerce.number().int().min(0).max(65535).default(4001).describe('listen port (`--port` wins)'),
    NEGIZ_LOG_LEVEL: levels.default('warn').describe('pino level of the host'),
    ...contextKeySettings,
    NEGIZ_CONTEXT_JWKS_URL: z.url().optional().describe("the gateway's context keys as a JWKS URL, instead of `NEGIZ_CONTEXT_PUBLIC_KEY`"),
    NEGIZ_CACHE: z
      .enum(['memory', 'redis', 'off'])
      .optional()
      .describe('where upstream reads are cached: `memory` / `redis` / `off`; default `redis` when `NEGIZ_REDIS_URL` is set, else `memory`'),
    NEGIZ_REDIS_URL: z.string().optional().describe('`redis://...`: the cache shared by every subgraph host (`--redis` wins)'),
    ...upstreamSettings,
    NEGIZ_OTLP_URL: z.url().optional().describe('OTLP/HTTP traces endpoint (`http://collector:4318/v1/traces`); unset: no export'),
  })
  .superRefine((s, context) => {
    if (s.NEGIZ_CACHE === 'redis' && !s.NEGIZ_REDIS_URL)
      context.addIssue({ code: 'custom', path: ['NEGIZ_REDIS_URL'], message: 'required with NEGIZ_CACHE=redis' });
  });

export type SubgraphSettings = z.infer<typeof subgraphSettingsSchema>;

/** NEGIZ_CONFIG itself is read from the environment only. */
export const CONFIG_FILE_VARIABLE = 'NEGIZ_CONFIG';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The YAML file's values as strings, the environment's form (a map, e.g. NEGIZ_SUBGRAPH_URLS, as JSON). */
function fileValues(path: string, known: ReadonlySet<string>): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${CONFIG_FILE_VARIABLE}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let document: unknown;
  try {
    document = parseYaml(text) ?? {};
  } catch (error) {
    throw new ConfigError(`${path}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (typeof document !== 'object' || Array.isArray(document)) throw new ConfigError(`${path}: expected a map of settings (NEGIZ_PORT: 4000)`);
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(document as Record<string, unknown>)) {
    if (!known.has(key)) throw new ConfigError(`${path}: ${key}: not a setting (docs/operations.md lists them)`);
    if (value === null || value === undefined) continue;
    values[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return values;
}

/**
 * The settings of `schema` from the YAML file (if NEGIZ_CONFIG names one) and the environment, validated; the
 * first invalid one throws a ConfigError naming it (and the file, when it came from there).
 */
export function readSettingsOf<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const names = Object.keys(schema.shape);
  const path = env[CONFIG_FILE_VARIABLE];
  const file = path ? fileValues(path, new Set(names)) : {};
  const fromEnv = Object.fromEntries(names.flatMap((key) => (env[key] === undefined || env[key] === '' ? [] : [[key, env[key]]])));
  const parsed = schema.safeParse({ ...file, ...fromEnv });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const key = String(issue.path[0]);
  const where = key in fromEnv || !(key in file) || !path ? key : `${path}: ${key}`;
  throw new ConfigError(`${where}: ${issue.message}`);
}

/** A subgraph host's settings. */
export function readSubgraphSettings(env: NodeJS.ProcessEnv = process.env): SubgraphSettings {
  return readSettingsOf(subgraphSettingsSchema, env);
}
