/**
 * Persisted operations: court systems may execute only the operations registered for them, by id; portals and
 * GraphiQL may send query text, registered ids, or automatic persisted queries (APQ: the text is stored under
 * its hash the first time, later requests send the hash alone). Resolves one operation of an HTTP request into
 * the text the gateway's stages then check.
 */
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { Refusal } from '@negiz/schema';
import { operationId, type OperationManifest } from './manifest.ts';
import type { ClientRegistry, RegisteredClientKind } from './registry.ts';

export interface RequestClient {
  id: string;
  kind: RegisteredClientKind;
  /** False for tokens carrying no client claim (interactive users, given the default kind). */
  registered: boolean;
}

export interface GraphQLHttpOperation {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

export interface PersistedContext {
  manifest: OperationManifest;
  clients: ClientRegistry;
  /** The APQ store for portals; false disables APQ. */
  apq: KeyValueCache<string> | false;
  /** Time to live of APQ entries, seconds. */
  apqTtlSeconds?: number;
}

/** The registered operation an operation resolved to, for the journal (`operation.persistedId`). */
export interface PersistedUse {
  id: string;
  name: string;
  via: 'manifest' | 'apq';
}

/**
 * Rewrites `op` in place to carry the text to execute (and no `persistedQuery` extension, which the stages do not
 * know), or throws a Refusal. Answers which registered operation was used, if any.
 */
export async function resolvePersisted(op: GraphQLHttpOperation, client: RequestClient, ctx: PersistedContext): Promise<PersistedUse | undefined> {
  const extensions = op.extensions && typeof op.extensions === 'object' ? (op.extensions as Record<string, unknown>) : undefined;
  const persisted = extensions?.['persistedQuery'] as { version?: unknown; sha256Hash?: unknown } | undefined;
  const hasText = typeof op.query === 'string' && op.query.length > 0;

  if (client.kind === 'COURT') {
    if (hasText || !persisted) {
      throw new Refusal(
        'PERSISTED_QUERY_REQUIRED',
        'Court systems may execute only registered operations: send extensions.persistedQuery {version: 1, sha256Hash} without a query text (docs/clients.md#courts)',
      );
    }
  }
  if (!persisted) return undefined;
  if (persisted.version !== 1 || typeof persisted.sha256Hash !== 'string' || !/^[0-9a-fA-F]{64}$/.test(persisted.sha256Hash)) {
    throw new Refusal('PERSISTED_QUERY_INVALID', 'extensions.persistedQuery must be {version: 1, sha256Hash: "<64 hex digits>"}');
  }
  const hash = persisted.sha256Hash.toLowerCase();
  const { persistedQuery: _resolved, ...rest } = extensions!;
  const registered = ctx.manifest.operations.get(hash);

  if (client.kind === 'COURT') {
    if (!registered) throw new Refusal('PERSISTED_QUERY_NOT_FOUND', 'No registered operation has this id (schema/operations/manifest.json)');
    if (!ctx.clients.allows(client.id, hash)) {
      throw new Refusal('PERSISTED_QUERY_NOT_ALLOWED', `Operation ${registered.name} is registered but not allowed for this client (schema/clients.yaml)`);
    }
  }

  if (hasText) {
    // APQ registration: the text with its hash. Stored only when the hash is really the text's.
    if (operationId(op.query as string) !== hash)
      throw new Refusal('PERSISTED_QUERY_HASH_MISMATCH', 'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query text');
    if (ctx.apq && !registered) await ctx.apq.set(`apq:${hash}`, op.query as string, ctx.apqTtlSeconds ? { ttl: ctx.apqTtlSeconds } : undefined);
    op.extensions = rest;
    return registered ? { id: hash, name: registered.name, via: 'manifest' } : undefined;
  }

  if (registered) {
    op.query = registered.body;
    op.operationName = registered.name;
    op.extensions = rest;
    return { id: hash, name: registered.name, via: 'manifest' };
  }
  const text = ctx.apq ? await ctx.apq.get(`apq:${hash}`) : undefined;
  // Apollo clients retry with the full text on this exact message and code.
  if (text === undefined)
    throw new Refusal('PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound', {
      status: 200,
      headers: { 'cache-control': 'private, no-cache, must-revalidate' },
    });
  op.query = text;
  op.extensions = rest;
  return { id: hash, name: typeof op.operationName === 'string' ? op.operationName : '', via: 'apq' };
}

/** The client of a request: registered by its token's claim; tokens without one are interactive users. */
export function resolveClient(clients: ClientRegistry, clientId: string | undefined, fallback: { kind: 'PORTAL' | 'GRAPHIQL'; id: string }): RequestClient {
  if (clientId === undefined) return { ...fallback, registered: false };
  const client = clients.get(clientId);
  if (!client)
    throw new Refusal('CLIENT_NOT_REGISTERED', 'This client is not registered with the gateway (schema/clients.yaml): ask the operator to register it');
  return { id: client.id, kind: client.kind, registered: true };
}
