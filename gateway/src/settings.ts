/**
 * Every setting of the gateway: one zod schema whose keys are the environment variables' names, each with its
 * default and meaning (docs/operations.md's table is generated from it: `npm run docs:config`). The same names are
 * the keys of the optional YAML file named by NEGIZ_CONFIG; a variable set in the environment wins over the file.
 * The upstream and context-key settings are the subgraph hosts' (`@negiz/subgraphs/settings.ts`), for in-process ones.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { contextKeySettings, readSettingsOf, upstreamSettings } from '@negiz/subgraphs/settings.ts';
import { limitsOptions } from './clients/limits/options.ts';

export const DEFAULT_SUPERGRAPH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

const limits = limitsOptions();
const ms = (max: number) => z.coerce.number().int().min(0).max(max);
const count = (min = 1) => z.coerce.number().int().min(min);
const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

export const settingsSchema = z.object({
  NEGIZ_MODE: z
    .enum(['development', 'production'])
    .optional()
    .describe('`production` turns off the development identity provider and demo data; default `development` unless `NODE_ENV=production`'),
  NEGIZ_HOST: z.string().default('127.0.0.1').describe('listen address'),
  NEGIZ_PORT: z.coerce.number().int().min(0).max(65535).default(4000).describe('listen port'),
  NEGIZ_HOME: z.string().default('.negiz').describe('local state: development keys, embedded journal (never committed)'),
  NEGIZ_SUPERGRAPH: z.string().default(DEFAULT_SUPERGRAPH).describe('the composed supergraph (`npx negiz compose` writes it)'),
  NEGIZ_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent'])
    .default('info')
    .describe('pino level; logs carry request ids, roles, codes and durations, never logins, IINs or names'),
  NEGIZ_SHUTDOWN_TIMEOUT_MS: ms(600_000)
    .default(10_000)
    .describe('on SIGTERM/SIGINT, how long requests in flight may take to finish before the journal is closed anyway'),
  NEGIZ_READY_TIMEOUT_MS: ms(60_000).default(1_000).describe('per probe of `/readyz` (journal, registries)'),

  NEGIZ_JWKS: z.string().optional().describe("(prod) the identity provider's JWKS: an `https://` URL or a file"),
  NEGIZ_ISSUER: z.string().optional().describe('(prod) expected `iss` of user tokens'),
  NEGIZ_AUDIENCE: z.string().optional().describe('(prod) expected `aud` of user tokens'),
  NEGIZ_TOKEN_CACHE_MS: ms(300_000)
    .default(60_000)
    .describe('the oldest a remembered token verification may be (never past expiry); `0`: verify every request'),
  NEGIZ_TOKEN_CLOCK_SKEW_S: z.coerce.number().int().min(0).max(300).default(30).describe('clock skew tolerated on `exp`, `nbf` and `iat`, seconds'),
  NEGIZ_CONTEXT_PRIVATE_KEY: z
    .string()
    .optional()
    .describe('PKCS8 PEM key signing the context sent to subgraphs; generated per process when subgraphs are in-process'),
  ...contextKeySettings,

  NEGIZ_USER_REGISTRY_URL: z.url().optional().describe('an outside account register, read only: `GET {url}/users/{login}`; unset: the account register below'),
  NEGIZ_ACCOUNTS_URL: z.string().optional().describe('`postgres://...`: the account register (docs/accounts.md) in PostgreSQL; unset: embedded'),
  NEGIZ_ACCOUNTS_DIR: z
    .string()
    .optional()
    .describe("the embedded account register's directory (default `$NEGIZ_HOME/accounts`; in memory with `NEGIZ_JOURNAL=memory`)"),
  NEGIZ_CASE_REGISTRY_URL: z
    .url()
    .optional()
    .describe('(prod) case registries: `GET {url}/cases/{type}/{number}`, `/instructions/{number}`, `/users/{login}/cases`'),
  NEGIZ_REGISTRY_AUTHORIZATION: z.string().optional().describe('`Authorization` header the gateway sends to both registries (its own credential)'),
  NEGIZ_REGISTRY_TIMEOUT_MS: ms(60_000).default(2_000).describe('per registry request; a timeout fails closed'),
  NEGIZ_USER_STATUS_CACHE_MS: ms(2_000).default(1_000).describe('the oldest a remembered *active* account status may be; `0`: ask on every request'),
  NEGIZ_BASIS_CACHE_MS: ms(60_000).default(10_000).describe('the oldest a remembered *positive* basis verification may be; `0`: ask on every request'),
  NEGIZ_JUSTIFICATION_SHARE: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(1 / 20)
    .describe('share of interactive requests drawn for a justification check (`basis.reason` required); `0` turns it off'),

  NEGIZ_SUBGRAPH_BASE_URL: z.url().optional().describe('subgraphs over HTTP at `{base}/{slug}/graphql`; unset: in-process'),
  NEGIZ_SUBGRAPH_URLS: z.string().optional().describe('JSON (or, in the file, a map) `{"s05-vehicles": "http://..."}`: per-service URLs, over the base'),
  NEGIZ_SUBGRAPH_TIMEOUT_MS: ms(600_000).default(10_000).describe('per subgraph request over HTTP (headers and body)'),
  NEGIZ_SUBGRAPH_BATCH: flag
    .default(true)
    .describe(
      'the calls made together to services at `{host}/{slug}/graphql` go as one `POST {host}/batch` (`negiz serve-subgraphs` serves it); `false`: one request per call',
    ),
  ...upstreamSettings,

  NEGIZ_JOURNAL: z
    .enum(['embedded', 'memory', 'postgres'])
    .optional()
    .describe('`embedded` (PGlite) / `postgres` / `memory`; default `postgres` when `NEGIZ_JOURNAL_URL` is set, else `embedded`'),
  NEGIZ_JOURNAL_URL: z.string().optional().describe('`postgres://...`: the journal in PostgreSQL'),
  NEGIZ_JOURNAL_DIR: z.string().optional().describe("the embedded journal's directory (default `$NEGIZ_HOME/journal`)"),
  NEGIZ_JOURNAL_KEY: z.string().optional().describe('checkpoint signing key: private JWK inline or a file; unset: a development key in `$NEGIZ_HOME`'),
  NEGIZ_JOURNAL_MIGRATE: flag.default(true).describe('apply pending migrations at start (`0` for a role without DDL rights)'),
  NEGIZ_JOURNAL_ORIGIN: z.string().default('negiz-journal').describe('names this log in its checkpoints'),
  NEGIZ_JOURNAL_MAX_QUEUE: count().default(10_000).describe('entries waiting beyond this are refused (`JOURNAL_UNAVAILABLE`, backpressure)'),
  NEGIZ_JOURNAL_MAX_BATCH: count().default(1_000).describe('entries per commit'),
  NEGIZ_JOURNAL_CHECKPOINT_MS: count().default(1_000).describe('interval between signed checkpoints while the log grows'),
  NEGIZ_JOURNAL_POOL_SIZE: count().default(4).describe('PostgreSQL connections'),
  NEGIZ_JOURNAL_CONNECT_TIMEOUT_MS: count().default(2_000).describe('PostgreSQL connect timeout'),
  NEGIZ_JOURNAL_QUERY_TIMEOUT_MS: count().default(10_000).describe('PostgreSQL query timeout'),
  NEGIZ_JOURNAL_WITNESSES: z
    .string()
    .optional()
    .describe('witnesses each checkpoint is sent to: a JSON array of `{ "url", "key" }` (their verifier keys), inline or a file (docs/journal.md, Witnesses)'),

  NEGIZ_REDIS_URL: z
    .string()
    .optional()
    .describe('`redis://...`: per-user budgets and APQ shared by every gateway, account changes announced to every replica; unset: in memory'),
  NEGIZ_MAX_DEPTH: count().default(limits.maxDepth).describe('selection depth (`QUERY_TOO_DEEP`)'),
  NEGIZ_MAX_ALIASES: count(0).default(limits.maxAliases).describe('aliases per operation (`TOO_MANY_ALIASES`)'),
  NEGIZ_MAX_COST: count().default(limits.maxCost).describe('GraphQL Armor cost (`QUERY_TOO_COSTLY`)'),
  NEGIZ_MAX_FIELDS: count().default(limits.maxFields).describe('fields selected, fragments expanded (`QUERY_TOO_COSTLY`)'),
  NEGIZ_MAX_SUBJECTS: count().default(limits.maxSubjects).describe('distinct IIN/BIN per request (`TOO_MANY_SUBJECTS`)'),
  NEGIZ_MAX_BATCH: count().default(limits.maxBatch).describe('operations in a batch (`BATCH_TOO_LARGE`)'),
  NEGIZ_MAX_BODY_BYTES: count().default(limits.maxBodyBytes).describe('request body size (`REQUEST_TOO_LARGE`)'),
  NEGIZ_RATE_REQUESTS: count().default(limits.rate.requests).describe('requests per user per window (`RATE_LIMITED`)'),
  NEGIZ_RATE_REQUEST_WINDOW_S: count().default(limits.rate.requestWindowSeconds).describe("the requests' window, seconds"),
  NEGIZ_RATE_SUBJECTS: count().default(limits.rate.subjects).describe('distinct subjects per user per window (`RATE_LIMITED`)'),
  NEGIZ_RATE_SUBJECT_WINDOW_S: count().default(limits.rate.subjectWindowSeconds).describe("the subjects' window, seconds"),

  NEGIZ_OTLP_URL: z.url().optional().describe('OTLP/HTTP traces endpoint (`http://collector:4318/v1/traces`); unset: no export'),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingName = keyof Settings;

export { CONFIG_FILE_VARIABLE, ConfigError } from '@negiz/subgraphs/settings.ts';

/** The settings from the YAML file (if NEGIZ_CONFIG names one) and the environment, validated. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  return readSettingsOf(settingsSchema, env);
}
