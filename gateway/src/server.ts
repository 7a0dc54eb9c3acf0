/**
 * The gateway's HTTP server: Fastify, with the GraphQL door running the pipeline
 * authenticate -> clients -> basis -> policy -> execute -> release (Apollo Server over @apollo/gateway executes),
 * and /metrics, /healthz, /readyz and, in development only, the identity provider's /.well-known/jwks.json.
 */
import { ApolloServer } from '@apollo/server';
import Fastify, { type FastifyInstance } from 'fastify';
import { getIntrospectionQuery, type GraphQLSchema } from 'graphql';
import type { JSONWebKeySet } from 'jose';
import pino, { type Logger } from 'pino';
import type { Journal } from '@negiz/journal';
import { Refusal, refusalBody } from '@negiz/schema';
import type { Authenticator } from './authenticate/index.ts';
import { authenticateStage } from './authenticate/stage.ts';
import type { ChallengeDecision, ChallengeRequest } from './basis/challenge.ts';
import { basisStage } from './basis/stage.ts';
import type { BasisVerifier } from './basis/verify.ts';
import { clientsStage, type ClientsStageOptions } from './clients/stage.ts';
import { createGateway, type ExecuteOptions } from './execute/gateway.ts';
import { executeStage, type ExecutionContext } from './execute/stage.ts';
import { createMetrics, type BreakerState, type GatewayMetrics, type JournalWriterStats } from './metrics.ts';
import { registerDoor, rewriteGraphqlUrl } from './pipeline/door.ts';
import { pipeline, type Pipeline } from './pipeline/stages.ts';
import { PolicyStage } from './policy/index.ts';
import { journalProbe, readiness, type ReadinessProbe } from './readiness.ts';
import { releaseStage } from './release/stage.ts';

export interface GatewayServerOptions {
  supergraphSdl: string;
  authenticate: Authenticator;
  verifyBasis: BasisVerifier;
  journal: Journal;
  dataSource: ExecuteOptions['dataSource'];
  sign: ExecuteOptions['sign'];
  /** The clients' stage: registered clients and operations, limits, budgets, APQ (defaults: schema/, memory). */
  clients?: Omit<ClientsStageOptions, 'schema'>;
  /** The random justification challenge of the basis stage (createJustificationChallenge); absent: none. */
  challenge?: (request: ChallengeRequest) => ChallengeDecision;
  /** Served at /.well-known/jwks.json: the development identity provider's keys (never in production). */
  devJwks?: JSONWebKeySet;
  logger?: Logger | false;
  /** Default process metrics (off in tests to keep them quiet). */
  defaultMetrics?: boolean;
  /** The upstreams' circuit breakers by service slug, for /metrics (in-process subgraph hosts). */
  breakers?: () => Iterable<readonly [string, BreakerState]>;
  /** /readyz's probes beside the supergraph's and the journal's (the registries over HTTP). */
  readiness?: readonly ReadinessProbe[];
  /** Per probe of /readyz (default 1 s). */
  readyTimeoutMs?: number;
  /** Routes beside the GraphQL door (GraphiQL, Reports); they never reach the executor. */
  routes?: (app: FastifyInstance, facts: { policy: PolicyStage; authenticate: Authenticator }) => Promise<void>;
}

export interface GatewayServer {
  app: FastifyInstance;
  apollo: ApolloServer<ExecutionContext>;
  policy: PolicyStage;
  pipeline: Pipeline;
  metrics: GatewayMetrics;
}

export async function buildGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  const logger = options.logger === false ? pino({ level: 'silent' }) : (options.logger ?? pino({ name: 'negiz-gateway' }));
  const metrics = createMetrics({ defaults: options.defaultMetrics ?? true });
  const gateway = createGateway({ supergraphSdl: options.supergraphSdl, dataSource: options.dataSource, sign: options.sign, metrics });
  if ('writer' in options.journal) metrics.watchJournal((options.journal as { writer: JournalWriterStats }).writer);
  if (options.breakers) metrics.watchBreakers(options.breakers);
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: loaded }) => (apiSchema = loaded));
  const apollo = new ApolloServer<ExecutionContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    // Signals are the gateway's (shutdown.ts): Apollo's own handler would stop it and re-kill the process mid-drain.
    stopOnTerminationSignals: false,
    persistedQueries: false,
    introspection: true,
    logger: { debug: () => {}, info: () => {}, warn: (m) => logger.warn(String(m)), error: (m) => logger.error(String(m)) },
  });
  await apollo.start();
  // The first introspection of the whole schema compiles the executor's paths (about 190 ms on the 93 services):
  // paid here, before the server listens, not by the first client while /healthz waits behind it. Introspection
  // asks no subgraph, so no operation context is needed.
  await apollo.executeOperation({ query: getIntrospectionQuery() }, { contextValue: {} as ExecutionContext });
  // The policy reads the API schema the gateway loaded (one copy in memory).
  const policy = new PolicyStage(options.supergraphSdl, undefined, apiSchema);
  const clients = clientsStage({ ...options.clients, schema: policy.facts.apiSchema });
  const stages = pipeline(
    [
      { name: 'authenticate', run: authenticateStage(options.authenticate) },
      { name: 'clients', run: clients.run },
      {
        name: 'basis',
        run: basisStage({ verify: options.verifyBasis, journal: options.journal, ...(options.challenge ? { challenge: options.challenge } : {}) }),
      },
      { name: 'policy', run: policy.run },
      { name: 'execute', run: executeStage(apollo) },
      { name: 'release', run: releaseStage({ journal: options.journal, slugOf: policy.slugOf, metrics, logger }) },
    ],
    logger,
  );

  const app = Fastify({ logger: false, bodyLimit: clients.limits.maxBodyBytes, rewriteUrl: (raw) => rewriteGraphqlUrl(raw.url) });
  if (options.routes) await options.routes(app, { policy, authenticate: options.authenticate });
  registerDoor(app, { pipeline: stages, bodyLimit: clients.limits.maxBodyBytes, metrics, logger });
  app.get('/metrics', async (_request, reply) => reply.header('content-type', metrics.registry.contentType).send(await metrics.registry.metrics()));
  app.get('/healthz', async () => ({ status: 'ok' }));
  const probes: ReadinessProbe[] = [
    {
      name: 'supergraph',
      check: () => {
        if (!apiSchema) throw new Error('no supergraph loaded');
      },
    },
    journalProbe(options.journal),
    ...(options.readiness ?? []),
  ];
  app.get('/readyz', async (_request, reply) => {
    const answer = await readiness(probes, options.readyTimeoutMs ?? 1_000);
    return reply.code(answer.ready ? 200 : 503).send({ status: answer.ready ? 'ready' : 'unavailable', checks: answer.checks });
  });
  if (options.devJwks) {
    const jwks = options.devJwks;
    app.get('/.well-known/jwks.json', async () => jwks);
  }
  app.setErrorHandler(async (error, _request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    const refusal =
      status < 500 ? new Refusal('BAD_REQUEST', 'The request is not well-formed') : new Refusal('INTERNAL', 'The gateway could not process the request');
    if (refusal.code === 'INTERNAL') logger.error({ err: (error as Error).name }, 'request failure');
    await reply.code(refusal.status).header('content-type', 'application/json; charset=utf-8').send(refusalBody(refusal));
  });
  app.addHook('onClose', async () => {
    await apollo.stop().catch(() => undefined);
  });
  return { app, apollo, policy, pipeline: stages, metrics };
}
