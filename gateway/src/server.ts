/**
 * The gateway's HTTP server: Fastify with Apollo Server (@as-integrations/fastify) over @apollo/gateway.
 * POST/GET /graphql runs authenticate -> basis -> policy (a preHandler), then execution and release (Apollo
 * Server, the release plugin journals before the response leaves). Also /metrics, /healthz and, in development
 * only, the identity provider's /.well-known/jwks.json.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { JSONWebKeySet } from 'jose';
import pino, { type Logger } from 'pino';
import { admit, type AdmitOptions, type HttpOperation } from './admit.ts';
import type { Authenticator } from './authenticate/index.ts';
import type { BasisVerifier } from './basis/index.ts';
import { createGateway, type ExecuteOptions } from './execute/gateway.ts';
import type { ClientKind, Journal } from '@negiz/journal';
import { createMetrics, type GatewayMetrics } from './metrics.ts';
import { PolicyStage } from './policy/index.ts';
import { Refusal, refusalBody } from './refusal.ts';
import { releasePlugin } from './release/plugin.ts';

export interface GatewayServerOptions {
  supergraphSdl: string;
  authenticate: Authenticator;
  verifyBasis: BasisVerifier;
  journal: Journal;
  dataSource: ExecuteOptions['dataSource'];
  sign: ExecuteOptions['sign'];
  /** Served at /.well-known/jwks.json: the development identity provider's keys (never in production). */
  devJwks?: JSONWebKeySet;
  logger?: Logger | false;
  /** Default process metrics (off in tests to keep them quiet). */
  defaultMetrics?: boolean;
  /** Which client sent the request (portal, court system, GraphiQL...): the clients' stage may decide it. */
  clientOf?: (request: FastifyRequest) => { kind: ClientKind; id: string };
  /** The registered (persisted) operation each operation of the request resolved to, for the journal. */
  persistedOf?: (request: FastifyRequest) => ReadonlyArray<{ id: string } | undefined>;
  /** The random justification challenge of the basis stage (createJustificationChallenge); absent: none. */
  challenge?: AdmitOptions['challenge'];
  /**
   * Registers more on the Fastify instance before the GraphQL route (the clients' stage, GraphiQL, Reports): an
   * app-level preHandler runs before the gateway's stages, so persisted operations are resolved by then.
   */
  extend?: (app: FastifyInstance, facts: { policy: PolicyStage; authenticate: Authenticator }) => Promise<void>;
}

export interface GatewayServer {
  app: FastifyInstance;
  apollo: ApolloServer;
  policy: PolicyStage;
  metrics: GatewayMetrics;
}

function operationsOf(request: FastifyRequest): { operations: HttpOperation[]; fromQueryString: boolean } {
  if (request.method === 'GET') return { operations: [{ ...(request.query as Record<string, unknown>) }], fromQueryString: true };
  const body = request.body;
  if (Array.isArray(body)) return { operations: body as HttpOperation[], fromQueryString: false };
  if (body && typeof body === 'object') return { operations: [body as HttpOperation], fromQueryString: false };
  throw new Refusal('BAD_REQUEST', 'Send a JSON body {query, variables?, operationName?, extensions?}');
}

/** GET parameters arrive as strings; the stages read objects. */
function parseGetOperation(op: HttpOperation): HttpOperation {
  const parsed: HttpOperation = { ...op };
  for (const key of ['variables', 'extensions'] as const) {
    if (typeof op[key] === 'string') {
      try {
        parsed[key] = JSON.parse(op[key] as string);
      } catch {
        throw new Refusal('BAD_REQUEST', `"${key}" must be JSON`);
      }
    }
  }
  return parsed;
}

export async function buildGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  const logger = options.logger === false ? pino({ level: 'silent' }) : (options.logger ?? pino({ name: 'negiz-gateway' }));
  const metrics = createMetrics({ defaults: options.defaultMetrics ?? true });
  const gateway = createGateway({ supergraphSdl: options.supergraphSdl, dataSource: options.dataSource, sign: options.sign });
  // The policy reads the gateway's own API schema (one copy in memory), available once the gateway has loaded.
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: loaded }) => (apiSchema = loaded));
  let policy: PolicyStage | undefined;
  const slugOf = (service: number): string => policy?.slugOf(service) ?? `s${String(service).padStart(2, '0')}`;
  const app = Fastify({ logger: false, bodyLimit: 1_048_576 });
  const apollo = new ApolloServer<object>({
    gateway,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: true,
    persistedQueries: false,
    introspection: true,
    logger: { debug: () => {}, info: () => {}, warn: (m) => logger.warn(String(m)), error: (m) => logger.error(String(m)) },
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      releasePlugin({ journal: options.journal, slugOf, metrics, logger }),
    ],
  });
  await apollo.start();
  const stage = (policy = new PolicyStage(options.supergraphSdl, undefined, apiSchema));

  const admitOptions: AdmitOptions = {
    authenticate: options.authenticate,
    verifyBasis: options.verifyBasis,
    policy: stage,
    journal: options.journal,
    ...(options.challenge ? { challenge: options.challenge } : {}),
  };
  const clientOf = options.clientOf ?? ((request: FastifyRequest) => ({ kind: 'PORTAL' as const, id: String(request.headers['x-negiz-client'] ?? 'portal').slice(0, 64) }));
  const stages = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    try {
      const { operations, fromQueryString } = operationsOf(request);
      if (fromQueryString) {
        const op = parseGetOperation(operations[0]!);
        await admit(admitOptions, request.headers, [op], clientOf(request), options.persistedOf?.(request));
        // GET reaches Apollo Server through the URL: rewrite it to the admitted operation, as POST would the body.
        request.raw.method = 'POST';
        request.headers['content-type'] = 'application/json';
        (request as { body: unknown }).body = op;
        return;
      }
      await admit(admitOptions, request.headers, operations, clientOf(request), options.persistedOf?.(request));
    } catch (error) {
      const refusal = error instanceof Refusal ? error : new Refusal('INTERNAL', 'The gateway could not process the request');
      if (!(error instanceof Refusal)) logger.error({ err: (error as Error).name, message: (error as Error).message }, 'stage failure');
      metrics.requests.inc({ outcome: 'REFUSED', code: refusal.code });
      logger.info({ code: refusal.code, status: refusal.status }, 'request refused');
      await reply.code(refusal.status).header('content-type', 'application/json; charset=utf-8').send(refusalBody(refusal));
    }
  };

  if (options.extend) await options.extend(app, { policy: stage, authenticate: options.authenticate });
  const handler = fastifyApolloHandler(apollo, { context: async () => ({}) });
  app.route({ method: ['GET', 'POST'], url: '/graphql', preHandler: stages, handler });
  app.get('/metrics', async (_request, reply) => reply.header('content-type', metrics.registry.contentType).send(await metrics.registry.metrics()));
  app.get('/healthz', async () => ({ status: 'ok' }));
  if (options.devJwks) {
    const jwks = options.devJwks;
    app.get('/.well-known/jwks.json', async () => jwks);
  }
  app.setErrorHandler(async (error, _request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    const refusal = status < 500 ? new Refusal('BAD_REQUEST', 'The request is not a well-formed GraphQL request') : new Refusal('INTERNAL', 'The gateway could not process the request');
    await reply.code(status < 500 ? 400 : 500).send(refusalBody(refusal));
  });
  app.addHook('onClose', async () => {
    await apollo.stop().catch(() => undefined);
  });
  return { app, apollo, policy: stage, metrics };
}
