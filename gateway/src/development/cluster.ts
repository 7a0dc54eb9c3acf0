/**
 * The production shape on loopback (`negiz cluster`): subgraph-host processes each serving a share of the
 * services over HTTP, the case registry and user register over HTTP (served from the synthetic world by this
 * process), and gateway processes in production mode sharing one fresh PostgreSQL database for the journal,
 * Redis, the subgraph context key pair and the development identity provider's key. With `accounts`, the gateways
 * read and change users in the account register on a second fresh database instead, loaded with the demo accounts.
 * Every process is a child of this one and is stopped with it.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAccounts } from '@negiz/accounts';
import { defaultWorld } from '@negiz/mocks';
import { createJournal, journalConfigFromEnv, type JournalService } from '@negiz/journal';
import { postgresClient } from '@negiz/journal/sql-client.ts';
import { DEV_AUDIENCE, DEV_ISSUER, devIdentityProvider, type DevIdentityProvider } from '../authenticate/dev-idp.ts';
import { DEFAULT_SUPERGRAPH } from '../config.ts';
import { supergraphServices } from '../supergraph-services.ts';
import { startChild, untilReady, type Child } from './child-processes.ts';
import { loadDemoAccounts } from './demo-accounts.ts';
import { startRegistryServer, type RegistryServer } from './registry-server.ts';

const NEGIZ = fileURLToPath(new URL('../../../cli/bin/negiz.js', import.meta.url));
const READY_TIMEOUT_MS = 90_000;

export interface ClusterOptions {
  /** Gateway processes (default 2). */
  gateways?: number;
  /** Subgraph-host processes sharing the services between them (default 3). */
  subgraphHosts?: number;
  /** A database on the PostgreSQL server where the cluster's own database is created (and dropped on close). */
  postgresUrl?: string;
  redisUrl?: string;
  supergraphPath?: string;
  /** NEGIZ_BASIS_CACHE_MS of the gateways (0: every request asks the case registry). */
  basisCacheMs?: number;
  /** NEGIZ_USER_STATUS_CACHE_MS of the gateways. */
  userStatusCacheMs?: number;
  /**
   * The gateways' users from the account register (NEGIZ_ACCOUNTS_URL) on a database of its own, loaded with the
   * demo accounts as development loads them (the agreement accepted, `operator.kpssu` holding OPERATOR), instead of
   * the registry server's read-only user register: the admin API changes them, announced over Redis.
   */
  accounts?: boolean;
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** More settings for every gateway (e.g. limits), as environment variables. */
  gatewayEnv?: Record<string, string>;
  /** Keep the journal database after close (its name is printed). */
  keepDatabase?: boolean;
  /** The children's logs on this process's stdout/stderr (default: kept, the last lines shown when one fails). */
  inheritOutput?: boolean;
}

export interface SubgraphHostProcess {
  url: string;
  services: string[];
  pid: number;
}

export interface Cluster {
  /** The gateways' GraphQL URLs (`http://127.0.0.1:<port>/graphql`). */
  gateways: string[];
  subgraphHosts: SubgraphHostProcess[];
  /** Process ids of every child (subgraph hosts and gateways). */
  processes: number[];
  /** The case registry and user register (one base URL), changeable through its methods; with `accounts`, the gateways ask it for cases only. */
  registry: RegistryServer;
  /** The development identity provider every gateway trusts (its JWKS is NEGIZ_JWKS). */
  idp: DevIdentityProvider;
  /** The shared journal database. */
  journalUrl: string;
  database: string;
  /** The account register's database (NEGIZ_ACCOUNTS_URL of every gateway), with `accounts`. */
  accountsUrl?: string;
  /** NEGIZ_HOME of every process: the identity provider's key and the journal's checkpoint key. */
  home: string;
  /** What `negiz journal ...` needs to reach this cluster's journal. */
  journalEnv: Record<string, string>;
  /** Opens the shared journal as `negiz journal` does (verify, reports); the caller closes it. */
  openJournal(): Promise<JournalService>;
  /** Stops every child, the registry server, and drops the databases unless kept. Idempotent. */
  close(): Promise<void>;
}

/** Round-robin shares: every service on exactly one host, the hosts' loads within one service of each other. */
export function shareServices(services: readonly string[], hosts: number): string[][] {
  if (!Number.isInteger(hosts) || hosts < 1) throw new Error('a cluster needs at least one subgraph host');
  const shares: string[][] = Array.from({ length: Math.min(hosts, services.length) }, () => []);
  services.forEach((slug, i) => shares[i % shares.length]!.push(slug));
  return shares;
}

/** An Ed25519 pair as the PEM texts NEGIZ_CONTEXT_PRIVATE_KEY / NEGIZ_CONTEXT_PUBLIC_KEY take. */
export function contextKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = postgresClient({ url: serverUrl, max: 1 });
  try {
    await client.query(sql);
  } finally {
    await client.close();
  }
}

/** `negiz <args>` as a child of this process, known to `children` at once so that a failed start elsewhere stops it too. */
function startNegiz<T>(children: Child[], name: string, args: string[], env: NodeJS.ProcessEnv, echo: boolean, ready: (line: string) => T | undefined) {
  return startChild({
    name,
    command: [process.execPath, NEGIZ, ...args],
    env,
    echo,
    ready,
    readyTimeoutMs: READY_TIMEOUT_MS,
    started: (c) => children.push(c),
  });
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const gatewayCount = options.gateways ?? 2;
  if (!Number.isInteger(gatewayCount) || gatewayCount < 1) throw new Error('a cluster needs at least one gateway');
  const serverUrl = options.postgresUrl ?? process.env.NEGIZ_CLUSTER_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = options.redisUrl ?? process.env.NEGIZ_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const supergraphPath = options.supergraphPath ?? DEFAULT_SUPERGRAPH;
  const shares = shareServices(supergraphServices(readFileSync(supergraphPath, 'utf8')), options.subgraphHosts ?? 3);
  const inherit = options.inheritOutput ?? false;

  const home = mkdtempSync(join(tmpdir(), 'negiz-cluster-'));
  const database = `negiz_cluster_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`;
  const journalUrl = databaseUrl(serverUrl, database);
  const journalEnv = { NEGIZ_JOURNAL_URL: journalUrl, NEGIZ_HOME: home };
  const accountsDatabase = options.accounts ? `${database}_accounts` : undefined;
  const accountsUrl = accountsDatabase && databaseUrl(serverUrl, accountsDatabase);
  const children: Child[] = [];
  let registry: RegistryServer | undefined;
  let databaseCreated = false;
  let accountsCreated = false;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      await Promise.all(children.map((c) => c.stop()));
      await registry?.close();
      if (databaseCreated && !options.keepDatabase) await admin(serverUrl, `drop database if exists ${database} with (force)`);
      if (accountsCreated && !options.keepDatabase) await admin(serverUrl, `drop database if exists ${accountsDatabase} with (force)`);
      rmSync(home, { recursive: true, force: true });
    })());

  try {
    await admin(serverUrl, `create database ${database}`);
    databaseCreated = true;
    // Made once here, so the gateways find them instead of each making its own: the identity provider's key
    // (NEGIZ_JWKS) and, through a first opening of the journal, its schema and checkpoint key.
    const idp = await devIdentityProvider(home);
    const first = await createJournal(journalConfigFromEnv(journalEnv));
    try {
      if (accountsDatabase && accountsUrl) {
        await admin(serverUrl, `create database ${accountsDatabase}`);
        accountsCreated = true;
        // Loaded once here, so that no gateway's start races another's; each change journalled as the gateways do.
        const accounts = await openAccounts({ url: accountsUrl }, { journal: first });
        try {
          await loadDemoAccounts(accounts.register, defaultWorld(), idp);
        } finally {
          await accounts.close();
        }
      }
    } finally {
      await first.close();
    }
    registry = await startRegistryServer();
    const keys = contextKeyPair();
    const base: NodeJS.ProcessEnv = { ...process.env, NEGIZ_HOME: home, NEGIZ_CONTEXT_ALG: 'EdDSA', NEGIZ_CONTEXT_PUBLIC_KEY: keys.publicKey };
    delete base.NEGIZ_CONTEXT_JWKS_URL;
    delete base.NEGIZ_CONTEXT_PRIVATE_KEY;

    const hosts = await Promise.all(
      shares.map(async (services, i) => {
        const { child, found } = await startNegiz(
          children,
          `subgraph host ${i + 1}`,
          ['serve-subgraphs', '--services', services.join(','), '--port', '0', '--json'],
          base,
          inherit,
          (line) => (line.startsWith('{') ? (JSON.parse(line) as { address: string }).address : undefined),
        );
        return { url: found, services, pid: child.process.pid! };
      }),
    );
    const urls = Object.fromEntries(hosts.flatMap((h) => h.services.map((slug) => [slug, `${h.url}/${slug}/graphql`])));
    const gatewayEnv: NodeJS.ProcessEnv = {
      ...base,
      NEGIZ_MODE: 'production',
      NEGIZ_HOST: '127.0.0.1',
      NEGIZ_PORT: '0',
      NEGIZ_SUPERGRAPH: supergraphPath,
      NEGIZ_JWKS: idp.jwksPath,
      NEGIZ_ISSUER: DEV_ISSUER,
      NEGIZ_AUDIENCE: DEV_AUDIENCE,
      NEGIZ_CASE_REGISTRY_URL: registry.url,
      ...(accountsUrl ? { NEGIZ_ACCOUNTS_URL: accountsUrl } : { NEGIZ_USER_REGISTRY_URL: registry.url }),
      NEGIZ_SUBGRAPH_URLS: JSON.stringify(urls),
      NEGIZ_JOURNAL: 'postgres',
      NEGIZ_JOURNAL_URL: journalUrl,
      NEGIZ_REDIS_URL: redisUrl,
      NEGIZ_CONTEXT_PRIVATE_KEY: keys.privateKey,
      NEGIZ_LOG_LEVEL: options.logLevel ?? 'warn',
      ...(options.basisCacheMs !== undefined ? { NEGIZ_BASIS_CACHE_MS: String(options.basisCacheMs) } : {}),
      ...(options.userStatusCacheMs !== undefined ? { NEGIZ_USER_STATUS_CACHE_MS: String(options.userStatusCacheMs) } : {}),
      ...options.gatewayEnv,
    };
    delete gatewayEnv.NEGIZ_SUBGRAPH_BASE_URL;
    if (accountsUrl) delete gatewayEnv.NEGIZ_USER_REGISTRY_URL;
    else delete gatewayEnv.NEGIZ_ACCOUNTS_URL;
    const gateways = await Promise.all(
      Array.from({ length: gatewayCount }, async (_, i) => {
        const { found } = await startNegiz(children, `gateway ${i + 1}`, ['start'], gatewayEnv, inherit, (line) => /gateway at (\S+)/.exec(line)?.[1]);
        await untilReady(found, READY_TIMEOUT_MS);
        return found;
      }),
    );
    return {
      gateways,
      subgraphHosts: hosts,
      processes: children.map((c) => c.process.pid!),
      registry,
      idp,
      journalUrl,
      database,
      ...(accountsUrl ? { accountsUrl } : {}),
      home,
      journalEnv,
      openJournal: () => createJournal({ ...journalConfigFromEnv(journalEnv), migrate: false }),
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
