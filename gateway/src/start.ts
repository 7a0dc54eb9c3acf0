/**
 * Composition root: builds the gateway from its configuration and listens. In development this is the whole
 * product on embedded defaults (`negiz start`): all subgraphs in-process, the development identity provider, the
 * demo users and mock case registries, and the embedded journal.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { GraphQLDataSource } from '@apollo/gateway';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import pino, { type Logger } from 'pino';
import { createJournal, MemoryJournal, type Journal, type JournalConfig, type JournalService } from '@negiz/journal';
import { composeSupergraph } from '@negiz/subgraphs/compose.ts';
import { contextKeys } from '@negiz/subgraphs/context.ts';
import { createSubgraphHost, type SubgraphHost } from '@negiz/subgraphs/host.ts';
import { InProcessGraphQLDataSource } from '@negiz/subgraphs/inprocess.ts';
import { loadServices } from '@negiz/subgraphs/registry.ts';
import { openGatewayAccounts } from './accounts/register.ts';
import { devIdentityProvider, type DevIdentityProvider } from './authenticate/dev-idp.ts';
import { httpUserRegistry } from './authenticate/http-users.ts';
import {
  cachedUserRegistry,
  createAuthenticator,
  createTokenVerifier,
  jwksFrom,
  jwksFromObject,
  type Authenticator,
  type UserRegistry,
} from './authenticate/index.ts';
import { createJustificationChallenge } from './basis/challenge.ts';
import { createBasisVerifier, HttpCaseRegistry, type CaseRegistry } from './basis/index.ts';
import { clientsOptions, ensureGraphiqlBundle, graphiqlRoutes, loadClientRegistry, loadManifest } from './clients/index.ts';
import { ConfigError, type GatewayConfig } from './config.ts';
import { consoleRoutes, ensureConsoleBundle } from './console/index.ts';
import { contextSigner, inProcessContextKeys } from './execute/context-signer.ts';
import { BatchedDataSource, SubgraphBatches, subgraphHostOf } from './execute/batched-data-source.ts';
import { HttpDataSource } from './execute/http-data-source.ts';
import type { PolicyStage } from './policy/index.ts';
import { reportsExtension } from './reports/extension.ts';
import { httpProbe } from './readiness.ts';
import { buildGatewayServer, type GatewayServer } from './server.ts';
import { shutDownGateway, type ShutdownResult } from './shutdown.ts';
import { createTracing } from './tracing.ts';

export interface RunningGateway extends GatewayServer {
  url: string;
  idp?: DevIdentityProvider;
  journal: Journal;
  close(): Promise<void>;
  /** Stop accepting, drain the requests in flight (bounded by NEGIZ_SHUTDOWN_TIMEOUT_MS), close the journal. */
  shutdown(): Promise<ShutdownResult>;
}

export interface StartHooks {
  logger?: Logger;
  /** Routes beside the GraphQL door, instead of GraphiQL (tests). */
  routes?: (app: FastifyInstance, facts: { policy: PolicyStage; authenticate: Authenticator }) => Promise<void>;
  /** Listen (default) or only build (tests use inject). */
  listen?: boolean;
  /** A journal opened by the caller (tests: PostgreSQL behind a proxy); closed with the gateway. */
  journal?: Journal;
}

/** The durable journal (not the memory one) also serves proofs and the Reports API. */
function isJournalService(journal: Journal): journal is JournalService {
  return 'store' in journal && 'recordRead' in journal;
}

async function supergraphOf(config: GatewayConfig, logger: Logger): Promise<string> {
  if (existsSync(config.supergraphPath)) return readFileSync(config.supergraphPath, 'utf8');
  if (config.mode === 'production') throw new ConfigError(`no supergraph at ${config.supergraphPath}: run "negiz compose"`);
  logger.warn('no composed supergraph: composing the services now (run "negiz compose" to skip this)');
  return composeSupergraph(await loadServices());
}

function journalConfigOf(config: GatewayConfig): JournalConfig {
  if (config.journal === 'postgres' && !config.journalConfig.url) throw new ConfigError('NEGIZ_JOURNAL=postgres needs NEGIZ_JOURNAL_URL (postgres://...)');
  return config.journalConfig;
}

export async function startGateway(config: GatewayConfig, hooks: StartHooks = {}): Promise<RunningGateway> {
  const logger = hooks.logger ?? pino({ name: 'negiz-gateway', level: config.logLevel });
  const dev = config.mode === 'development';
  // Registered first, so that in-process subgraphs trace into the same provider.
  const tracing = config.otlpUrl ? createTracing({ otlpUrl: config.otlpUrl }) : undefined;
  const supergraphSdl = await supergraphOf(config, logger);
  // The synthetic world and its wiring are loaded in development only: production code never imports the mocks.
  const development = dev ? await import('./development/system.ts') : undefined;
  const world = development?.world();
  // In-process subgraphs share a key pair made here; remote ones need the configured pair (NEGIZ_CONTEXT_*).
  const keys =
    config.subgraphs.kind === 'inprocess' && !config.contextKeys.NEGIZ_CONTEXT_PRIVATE_KEY ? inProcessContextKeys() : await contextKeys(config.contextKeys);
  if (!keys.privateKey) throw new ConfigError('the gateway needs NEGIZ_CONTEXT_PRIVATE_KEY to sign the subgraph context');
  const privateKey = keys.privateKey;

  let host: SubgraphHost | undefined;
  let dataSource: (name: string, url: string | undefined) => GraphQLDataSource;
  const subgraphs = config.subgraphs;
  if (subgraphs.kind === 'inprocess') {
    host = await createSubgraphHost({ world, publicKey: keys.publicKey, http: config.upstreams });
    const hosted = host.services;
    dataSource = (name) => {
      const service = hosted.get(name);
      if (!service) throw new ConfigError(`the supergraph names subgraph "${name}", which is not hosted in-process`);
      return new InProcessGraphQLDataSource({ service });
    };
  } else {
    // A service at `{host}/{slug}/graphql` is served by a subgraph host (`negiz serve-subgraphs`): its calls
    // are batched with those of the other services there.
    const batches = new Map<string, SubgraphBatches>();
    dataSource = (name, url) => {
      const target = subgraphs.urls[name] ?? (subgraphs.baseUrl ? `${subgraphs.baseUrl.replace(/\/+$/, '')}/${name}/graphql` : url);
      if (!target) throw new ConfigError(`no URL for subgraph "${name}"`);
      const host = subgraphs.batch ? subgraphHostOf(target, name) : undefined;
      if (!host) return new HttpDataSource(target, config.subgraphTimeoutMs);
      let batch = batches.get(host);
      if (!batch) batches.set(host, (batch = new SubgraphBatches(host, config.subgraphTimeoutMs)));
      return new BatchedDataSource(batch, name);
    };
  }

  let idp: DevIdentityProvider | undefined;
  let verifier;
  if (config.identity) {
    verifier = createTokenVerifier({
      keys: jwksFrom(config.identity.jwks),
      issuer: config.identity.issuer,
      audience: config.identity.audience,
      cacheMs: config.tokenCacheMs,
      clockToleranceSeconds: config.tokenClockSkewSeconds,
    });
  } else {
    idp = await devIdentityProvider(config.home);
    verifier = createTokenVerifier({
      keys: jwksFromObject(idp.jwks),
      issuer: idp.issuer,
      audience: idp.audience,
      cacheMs: config.tokenCacheMs,
      clockToleranceSeconds: config.tokenClockSkewSeconds,
    });
  }
  const auth = { authorization: config.registryAuthorization, timeoutMs: config.registryTimeoutMs };
  // Embedded (PGlite under .negiz/journal) by default; PostgreSQL when NEGIZ_JOURNAL_URL is set (docs/journal.md).
  const journal: Journal = hooks.journal ?? (config.journal === 'memory' ? new MemoryJournal() : await createJournal(journalConfigOf(config)));
  // The account register beside it, unless an outside one is configured; the demo users in development (docs/accounts.md).
  const seedIdp = idp;
  const register = await openGatewayAccounts(
    config,
    journal,
    development && world && seedIdp ? { seed: (r) => development.loadDemoAccounts(r, world, seedIdp) } : {},
  );
  const userSource: UserRegistry | undefined = config.userRegistryUrl ? httpUserRegistry(config.userRegistryUrl, auth) : register?.users;
  const cases: CaseRegistry | undefined = config.caseRegistryUrl
    ? new HttpCaseRegistry({ baseUrl: config.caseRegistryUrl, ...auth })
    : world && development?.mockCaseRegistry(world);
  if (!userSource || !cases) throw new ConfigError('the user and case registries are needed: NEGIZ_USER_REGISTRY_URL and NEGIZ_CASE_REGISTRY_URL');
  const users = cachedUserRegistry(userSource, config.userStatusCacheMs);
  await register?.attach(users);

  const authenticate = createAuthenticator(verifier, users);
  // GraphiQL at /graphiql in development (its directory is the demo world); tests may pass their own routes.
  let graphiql = hooks.routes;
  if (!graphiql && development && idp && world) {
    try {
      const built = ensureGraphiqlBundle();
      if (built) logger.info({ report: built }, 'GraphiQL bundle built');
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'GraphiQL bundle could not be built: /graphiql is unavailable');
    }
    graphiql = graphiqlRoutes({ casesOf: development.demoCasesOf(world), devLogin: development.demoLogin(world, idp) });
  }
  // The Reports API (/reports, /reports/subject, /reports/citizen) reads the durable journal only.
  const manifest = loadManifest();
  // Budgets and APQ shared by every gateway through Redis when configured; in memory otherwise.
  const redis = config.redisUrl ? new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 }) : undefined;
  await redis?.connect();
  const registeredClients = loadClientRegistry(manifest);
  let reports: ((app: FastifyInstance) => Promise<void>) | undefined;
  let supervision: ((app: FastifyInstance) => Promise<void>) | undefined;
  if (isJournalService(journal)) {
    if (world && development) await development.registerDemoGrants(journal, world);
    reports = reportsExtension({
      journal,
      authenticate,
      users,
      clients: registeredClients,
      ...(world && development ? { flags: development.worldFlags(world) } : {}),
    });
    // The supervisors' console at /console reads the same Reports API (docs/console.md).
    try {
      const built = ensureConsoleBundle();
      if (built) logger.info({ report: built }, 'console bundle built');
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'console bundle could not be built: /console is unavailable');
    }
    supervision = consoleRoutes({
      authenticate,
      users,
      clients: registeredClients,
      ...(development && world && idp ? { devLogin: development.demoLogin(world, idp) } : {}),
    });
  }
  const server = await buildGatewayServer({
    supergraphSdl,
    authenticate,
    verifyBasis: createBasisVerifier({ registry: cases, cacheMs: config.basisCacheMs }),
    journal,
    dataSource,
    sign: contextSigner(privateKey, keys.alg),
    clients: clientsOptions({ manifest, clients: registeredClients, limits: config.limits, ...(redis ? { redis } : {}) }),
    challenge: createJustificationChallenge({ share: config.justificationShare }),
    ...(idp && dev ? { devJwks: idp.jwks } : {}),
    logger,
    breakers: () => host?.breakers ?? [],
    readiness: [
      ...(config.caseRegistryUrl ? [httpProbe('caseRegistry', config.caseRegistryUrl, config.registryAuthorization)] : []),
      ...(config.userRegistryUrl ? [httpProbe('userRegistry', config.userRegistryUrl, config.registryAuthorization)] : []),
    ],
    readyTimeoutMs: config.readyTimeoutMs,
    routes: async (app, facts) => {
      await graphiql?.(app, facts);
      await reports?.(app);
      await supervision?.(app);
      await register?.routes(verifier, users)(app);
    },
  });
  server.app.addHook('onClose', async () => {
    await register?.close().catch(() => undefined);
    await journal.close().catch(() => undefined);
    await host?.close();
    await redis?.quit().catch(() => undefined);
    await tracing?.close();
  });
  let url = `http://${config.host}:${config.port}/graphql`;
  if (hooks.listen !== false) {
    const address = await server.app.listen({ host: config.host, port: config.port });
    url = `${address}/graphql`;
    // The runtime (Node version, V8 flags from the launcher or the operator) says which settings were measured.
    const runtime = { node: process.version, flags: process.execArgv.filter((flag) => flag.startsWith('--max-')) };
    logger.info({ url, mode: config.mode, subgraphs: host ? 'in-process' : 'http', journal: config.journal, runtime }, 'gateway listening');
  }
  return {
    ...server,
    url,
    ...(idp ? { idp } : {}),
    journal,
    close: () => server.app.close(),
    shutdown: () => shutDownGateway({ app: server.app, journal }, { timeoutMs: config.shutdownTimeoutMs, logger }),
  };
}
