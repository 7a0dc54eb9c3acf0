/**
 * The clients' stage: which client the request comes from (court, portal, GraphiQL), the batch limit, persisted
 * operations and APQ, the per-user request budget, the document read once (valid, a query, within the shape
 * limits), the subjects it names (a malformed IIN/BIN refused here), the subjects per request and the per-user
 * subject budget. Everything it refuses is refused before any registry or service is asked.
 */
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { GraphQLSchema } from 'graphql';
import { isValidBin, isValidIin, Refusal } from '@negiz/schema';
import { DocumentReader } from '../document/read.ts';
import { isPersonOrEntity, subjectsAt, type Subject } from '../document/subjects.ts';
import { headerOf, type OperationContext, type RequestContext } from '../pipeline/context.ts';
import { limitsOptions, type LimitsInput, type LimitsOptions } from './limits/options.ts';
import { rateLimiter, type RateLimiter } from './limits/rate.ts';
import { apqCache } from './operations/apq-cache.ts';
import { loadManifest, type OperationManifest } from './operations/manifest.ts';
import { resolveClient, resolvePersisted, type RequestClient } from './operations/persisted.ts';
import { loadClientRegistry, type ClientRegistry } from './operations/registry.ts';

export interface ClientsStageOptions {
  /** The API schema clients query: documents are read and measured on it. */
  schema: GraphQLSchema;
  /** Default: schema/operations/manifest.json, validated at start. */
  manifest?: OperationManifest;
  /** Default: schema/clients.yaml. */
  clients?: ClientRegistry;
  limits?: LimitsInput | LimitsOptions;
  /** Per-user budgets; default in memory. Pass `rateLimiter({ ...limits.rate, redis })` for Redis. */
  limiter?: RateLimiter;
  /** The APQ store for portals (default in memory); false disables APQ. */
  apq?: KeyValueCache<string> | false;
}

const INVALID_IIN = new Refusal(
  'INVALID_IIN',
  'Invalid IIN: an individual identification number is 12 digits encoding a birth date, century and sex, with a valid check digit',
);
const INVALID_BIN = new Refusal(
  'INVALID_BIN',
  'Invalid BIN: a business identification number is 12 digits encoding the registration date and kind, with a valid check digit',
);

function rateLimited(retryAfterSeconds: number, what: string): Refusal {
  return new Refusal('RATE_LIMITED', `${what}; retry after ${retryAfterSeconds} s (docs/clients.md#limits)`, {
    headers: { 'retry-after': String(retryAfterSeconds) },
    extensions: { retryAfterSeconds },
  });
}

/** A malformed identifier is refused before any registry or service is asked, and never echoed back. */
function checkIdentifiers(subjects: readonly Subject[]): void {
  for (const subject of subjects) {
    if (subject.kind === 'IIN' && !isValidIin(subject.value)) throw INVALID_IIN;
    if (subject.kind === 'BIN' && !isValidBin(subject.value)) throw INVALID_BIN;
  }
}

export function clientsStage(options: ClientsStageOptions): { limits: LimitsOptions; run(request: RequestContext): Promise<void> } {
  const limits = limitsOptions(options.limits);
  const manifest = options.manifest ?? loadManifest();
  const clients = options.clients ?? loadClientRegistry(manifest);
  const limiter = options.limiter ?? rateLimiter(limits.rate);
  const apq = options.apq === undefined ? apqCache() : options.apq;
  const reader = new DocumentReader(options.schema, limits);
  const persistedContext = { manifest, clients, apq, apqTtlSeconds: 86_400 };

  function clientOf(request: RequestContext): RequestClient {
    const claimed = headerOf(request, 'x-negiz-client');
    const claimedClient = claimed ? clients.get(claimed) : undefined;
    // Without a client claim in the token: an interactive user; GraphiQL names itself (never as a court or portal).
    const fallback =
      claimedClient && (claimedClient.kind === 'PORTAL' || claimedClient.kind === 'GRAPHIQL')
        ? { kind: claimedClient.kind, id: claimedClient.id }
        : { kind: 'PORTAL' as const, id: 'portal' };
    return resolveClient(clients, request.clientClaim, fallback);
  }

  async function resolve(operation: OperationContext, client: RequestClient): Promise<void> {
    const sent = { ...operation.sent };
    const persisted = await resolvePersisted(sent, client, persistedContext);
    if (persisted) operation.persisted = persisted;
    if (typeof sent.query !== 'string' || sent.query === '')
      throw new Refusal('BAD_REQUEST', 'Send the operation text in "query", or a registered operation in extensions.persistedQuery');
    if (sent.operationName !== undefined && sent.operationName !== null && typeof sent.operationName !== 'string') {
      throw new Refusal('BAD_REQUEST', '"operationName" must be a string');
    }
    operation.query = sent.query;
    const document = reader.read(sent.query, typeof sent.operationName === 'string' ? sent.operationName : undefined);
    operation.document = document;
    if (document.operationName !== undefined) operation.operationName = document.operationName;
    operation.subjects = subjectsAt(document.sites, operation.variables as Record<string, unknown>);
  }

  async function run(request: RequestContext): Promise<void> {
    const login = request.identity!.login;
    if (request.operations.length > limits.maxBatch) {
      throw new Refusal(
        'BATCH_TOO_LARGE',
        `Batch holds ${request.operations.length} operations; at most ${limits.maxBatch} per request (docs/clients.md#limits)`,
      );
    }
    const client = clientOf(request);
    request.client = client;
    if (client.kind === 'CITIZEN_PORTAL') {
      throw new Refusal(
        'CLIENT_NOT_ALLOWED',
        "The e-government portal reads only a citizen's disclosure at /reports/citizen, never /graphql (docs/journal.md)",
      );
    }
    const budget = await limiter.request(login);
    if (!budget.allowed) throw rateLimited(budget.retryAfterSeconds, `More than ${limits.rate.requests} requests in ${limits.rate.requestWindowSeconds} s`);

    const people = new Set<string>();
    for (const operation of request.operations) {
      await resolve(operation, client);
      for (const subject of operation.subjects) if (isPersonOrEntity(subject)) people.add(`${subject.kind}:${subject.value}`);
    }
    if (people.size > limits.maxSubjects) {
      throw new Refusal(
        'TOO_MANY_SUBJECTS',
        `Request concerns ${people.size} subjects (IIN/BIN); at most ${limits.maxSubjects} per request: ask about each subject of the case in its own request (docs/clients.md#limits)`,
        { extensions: { subjects: people.size, limit: limits.maxSubjects } },
      );
    }
    for (const operation of request.operations) checkIdentifiers(operation.subjects);
    const subjectBudget = await limiter.subjects(login, [...people]);
    if (!subjectBudget.allowed) {
      throw rateLimited(subjectBudget.retryAfterSeconds, `More than ${limits.rate.subjects} distinct subjects in ${limits.rate.subjectWindowSeconds} s`);
    }
  }

  return { limits, run };
}
