/**
 * The clients' stage, a Fastify plugin on the GraphQL route that runs before the gateway's own stages
 * (authenticate -> basis -> policy): batch and body limits, the client of the request (court, portal, GraphiQL),
 * persisted operations and APQ, per-user request budget, operation shape (depth, aliases, cost), subjects per
 * request and the per-user subject budget. Everything it refuses is refused before any registry or service is
 * asked. Register it on the gateway's Fastify instance: `app.register(clientsStage, options)`.
 */
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';
import { getOperationAST, GraphQLError, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { clientIdOfVerifiedToken } from './client-identity.ts';
import { limitsOptions, type LimitsInput, type LimitsOptions } from './limits/options.ts';
import { rateLimiter, type RateLimiter } from './limits/rate.ts';
import { checkShape } from './limits/shape.ts';
import { subjectSites, subjectsAt, type Subject, type SubjectSite } from './limits/subjects.ts';
import { apqCache } from './operations/apq-cache.ts';
import type { OperationManifest } from './operations/manifest.ts';
import { resolveClient, resolvePersisted, type GraphQLHttpOperation, type PersistedUse, type RequestClient } from './operations/persisted.ts';
import type { ClientRegistry } from './operations/registry.ts';
import { ClientRefusal } from './refusal.ts';

export interface ClientsStageOptions {
  /** The API schema clients query (e.g. `readSupergraph(sdl).apiSchema`): shapes and subjects are measured on it. */
  schema: GraphQLSchema;
  manifest: OperationManifest;
  clients: ClientRegistry;
  /** The gateway's authenticator: verifies the bearer token (cached), returns the user. */
  authenticate(authorization: string | undefined): Promise<{ login: string }>;
  limits?: LimitsInput | LimitsOptions;
  /** Per-user budgets; default in memory. Pass `rateLimiter({ ...limits.rate, redis })` for Redis. */
  limiter?: RateLimiter;
  /** The APQ store for portals (default in memory); false disables APQ. */
  apq?: KeyValueCache<string> | false;
  /** The GraphQL route (default `/graphql`). */
  path?: string;
}

interface RequestFacts {
  client: RequestClient;
  persisted: Array<PersistedUse | undefined>;
  subjects: Subject[];
}

const facts = new WeakMap<object, RequestFacts>();

/** The client the stage resolved for this request (for the gateway's `clientOf` and the journal). */
export function clientOfRequest(request: FastifyRequest): { kind: RequestClient['kind']; id: string } | undefined {
  const client = facts.get(request)?.client;
  return client && { kind: client.kind, id: client.id };
}

/** The registered operation each operation of the request resolved to (journal `operation.persistedId`). */
export function persistedOfRequest(request: FastifyRequest): ReadonlyArray<PersistedUse | undefined> {
  return facts.get(request)?.persisted ?? [];
}

/** The distinct IIN/BIN subjects of the request's operations. */
export function subjectsOfRequest(request: FastifyRequest): readonly Subject[] {
  return facts.get(request)?.subjects ?? [];
}

function send(reply: FastifyReply, refusal: ClientRefusal): FastifyReply {
  for (const [name, value] of Object.entries(refusal.headers)) reply.header(name, value);
  return reply.code(refusal.status).header('content-type', 'application/json; charset=utf-8').send(refusal.toJSON());
}

/** The operations of the request as objects the stage may rewrite in place (GET: the query-string object). */
function operationsOf(request: FastifyRequest): { operations: GraphQLHttpOperation[]; get: boolean } | undefined {
  if (request.method === 'GET') {
    const query = request.query as Record<string, unknown>;
    const op: GraphQLHttpOperation = { ...query };
    if (typeof query['extensions'] === 'string') {
      try {
        op.extensions = JSON.parse(query['extensions']);
      } catch {
        return undefined;
      }
    }
    if (typeof query['variables'] === 'string') {
      try {
        op.variables = JSON.parse(query['variables']);
      } catch {
        return undefined;
      }
    }
    return { operations: [op], get: true };
  }
  const body = request.body;
  if (Array.isArray(body)) return { operations: body as GraphQLHttpOperation[], get: false };
  if (body && typeof body === 'object') return { operations: [body as GraphQLHttpOperation], get: false };
  return undefined;
}

/** What the stage learns from one query text, kept by text: parsing and measuring a dossier takes ~40 ms. */
type Measured =
  | { kind: 'skip' }
  | { kind: 'refuse'; refusal: ClientRefusal }
  | { kind: 'check'; sites: SubjectSite[] };

const MAX_TOKENS = 20_000;

function measure(schema: GraphQLSchema, limits: LimitsOptions, query: string, operationName: string | undefined): Measured {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: MAX_TOKENS });
  } catch (error) {
    if (error instanceof GraphQLError && /Document contains more th\w+ \d+ tokens/.test(error.message)) {
      return { kind: 'refuse', refusal: new ClientRefusal('QUERY_TOO_COSTLY', `Query has more than ${MAX_TOKENS} tokens (limit of the gateway, docs/clients.md#limits)`) };
    }
    return { kind: 'skip' }; // a syntax error: the policy stage reports it
  }
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.selectionSet.selections.every((s) => s.kind === 'Field' && s.name.value.startsWith('__'))) return { kind: 'skip' };
  const { violations } = checkShape(schema, document, limits);
  if (violations[0]) return { kind: 'refuse', refusal: new ClientRefusal(violations[0].code, violations[0].message) };
  return { kind: 'check', sites: subjectSites(schema, document, operation) };
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function clientsStagePlugin(app: FastifyInstance, options: ClientsStageOptions): Promise<void> {
  const limits = limitsOptions(options.limits);
  const limiter = options.limiter ?? rateLimiter(limits.rate);
  const apq = options.apq === undefined ? apqCache() : options.apq;
  const path = options.path ?? '/graphql';
  const measured = new LRUCache<string, Measured>({ max: 2_000, maxSize: 5_000_000, sizeCalculation: (_v, key) => key.length + 1 });
  const measureCached = (query: string, operationName: string | undefined): Measured => {
    const key = `${operationName ?? ''}\u0000${query}`;
    let m = measured.get(key);
    if (!m) measured.set(key, (m = measure(options.schema, limits, query, operationName)));
    return m;
  };
  const onPath = (request: FastifyRequest) => request.url === path || request.url.startsWith(`${path}?`);
  const rateLimited = (retryAfterSeconds: number, what: string) =>
    new ClientRefusal('RATE_LIMITED', `${what}; retry after ${retryAfterSeconds} s (docs/clients.md#limits)`, {
      status: 429,
      headers: { 'retry-after': String(retryAfterSeconds) },
      extensions: { retryAfterSeconds },
    });

  app.addHook('onRequest', async (request, reply) => {
    if (!onPath(request)) return;
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > limits.maxBodyBytes) {
      return send(reply, new ClientRefusal('REQUEST_TOO_LARGE', `Request body is larger than ${limits.maxBodyBytes} bytes (docs/clients.md#limits)`, { status: 413 }));
    }
  });

  app.addHook('preHandler', async (request, reply) => {
    if (!onPath(request)) return;
    const parsed = operationsOf(request);
    if (!parsed) return; // malformed: the gateway's stages answer BAD_REQUEST
    const { operations, get } = parsed;
    try {
      if (operations.length > limits.maxBatch) {
        throw new ClientRefusal('BATCH_TOO_LARGE', `Batch holds ${operations.length} operations; at most ${limits.maxBatch} per request (docs/clients.md#limits)`);
      }
      let user: { login: string };
      try {
        user = await options.authenticate(request.headers.authorization);
      } catch {
        return; // the authenticate stage refuses it with its own code
      }
      const claimed = header(request, 'x-negiz-client');
      const claimedClient = claimed ? options.clients.get(claimed) : undefined;
      // Without a client claim in the token: an interactive user; GraphiQL names itself (never as a court or portal).
      const fallback =
        claimedClient && (claimedClient.kind === 'PORTAL' || claimedClient.kind === 'GRAPHIQL') ? { kind: claimedClient.kind, id: claimedClient.id } : { kind: 'PORTAL' as const, id: 'portal' };
      const client = resolveClient(options.clients, clientIdOfVerifiedToken(request.headers.authorization), fallback);
      facts.set(request, { client, persisted: [], subjects: [] });
      if (client.kind === 'CITIZEN_PORTAL') {
        throw new ClientRefusal('CLIENT_NOT_ALLOWED', "The e-government portal reads only a citizen's disclosure at /reports/citizen, never /graphql (docs/journal.md)", { status: 403 });
      }

      const budget = await limiter.request(user.login);
      if (!budget.allowed) throw rateLimited(budget.retryAfterSeconds, `More than ${limits.rate.requests} requests in ${limits.rate.requestWindowSeconds} s`);

      const persisted: Array<PersistedUse | undefined> = [];
      const subjects = new Map<string, Subject>();
      for (const op of operations) {
        persisted.push(await resolvePersisted(op, client, { manifest: options.manifest, clients: options.clients, apq, apqTtlSeconds: 86_400 }));
        if (typeof op.query !== 'string') continue;
        const m = measureCached(op.query, typeof op.operationName === 'string' ? op.operationName : undefined);
        if (m.kind === 'refuse') throw m.refusal;
        if (m.kind === 'skip') continue;
        const variables = op.variables && typeof op.variables === 'object' ? (op.variables as Record<string, unknown>) : {};
        for (const s of subjectsAt(m.sites, variables)) subjects.set(`${s.kind}:${s.value}`, s);
      }
      facts.set(request, { client, persisted, subjects: [...subjects.values()] });
      if (subjects.size > limits.maxSubjects) {
        throw new ClientRefusal(
          'TOO_MANY_SUBJECTS',
          `Request concerns ${subjects.size} subjects (IIN/BIN); at most ${limits.maxSubjects} per request: ask about each subject of the case in its own request (docs/clients.md#limits)`,
          { extensions: { subjects: subjects.size, limit: limits.maxSubjects } },
        );
      }
      const subjectBudget = await limiter.subjects(user.login, [...subjects.keys()]);
      if (!subjectBudget.allowed) {
        throw rateLimited(subjectBudget.retryAfterSeconds, `More than ${limits.rate.subjects} distinct subjects in ${limits.rate.subjectWindowSeconds} s`);
      }
      if (get) {
        // The gateway reads GET operations from the query string: write the resolved text back there.
        const query = request.query as Record<string, unknown>;
        const op = operations[0]!;
        query['query'] = op.query;
        if (op.operationName !== undefined) query['operationName'] = op.operationName;
        query['extensions'] = JSON.stringify(op.extensions ?? {});
      }
    } catch (error) {
      if (error instanceof ClientRefusal) return send(reply, error);
      throw error;
    }
  });
}

/** With fastify-plugin, so its hooks run on the gateway's GraphQL route, before the route's own stages. */
export const clientsStage = fp(clientsStagePlugin, { name: 'negiz-clients-stage', fastify: '5.x' });
