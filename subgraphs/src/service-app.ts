import type { Span } from '@opentelemetry/api';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import mercurius, { type MercuriusContext } from 'mercurius';
import mercuriusCacheModule, { type MercuriusCacheOptions } from 'mercurius-cache';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { admission, type SubgraphContext } from './admission.ts';
import { DEFAULT_CACHE_TTL_SECONDS, serviceCacheOptions, type CacheConfig } from './cache.ts';
import type { VerificationKey } from './context.ts';
import { redactInputError, type SubgraphErrorCode } from './errors.ts';
import type { RegisteredService } from './registry.ts';
import { buildServiceSchema } from './schema.ts';
import { shieldServiceSchema } from './shield.ts';
import type { DataSource } from './source/types.ts';
import { endSubgraphSpan, subgraphSpan } from './tracing.ts';

// mercurius-cache is CommonJS while its typings claim an ES default export (stack-notes).
const mercuriusCache = ((mercuriusCacheModule as unknown as { default?: unknown }).default ??
  mercuriusCacheModule) as FastifyPluginAsync<MercuriusCacheOptions>;

/** Executes an operation against one hosted service, as mercurius's `app.graphql` does. */
export type ExecuteOperation = (
  query: string,
  context: SubgraphContext,
  variables?: Record<string, unknown>,
  operationName?: string,
) => Promise<ExecutionResult>;

export interface HostedService {
  slug: string;
  number: number;
  path: string;
  /** In-process execution (the gateway's in-process data source); the context must carry `gatewayToken`. */
  graphql: ExecuteOperation;
  source: DataSource;
}

export interface ServiceAppOptions {
  source: DataSource;
  publicKey: VerificationKey;
  cache?: CacheConfig;
}

type FormattableError = GraphQLError & { originalError?: (Error & { errors?: unknown[] }) | null };

/**
 * Errors as JSON, with validation errors unwrapped, identifiers taken out of input-error messages, and the
 * messages of unexpected exceptions (a bug in a mock or an adapter, which may quote a record) replaced. Always
 * HTTP 200: the gateway reads `errors[].extensions.code` from the body, which a 4xx would hide.
 */
export function formatSubgraphErrors(errors: readonly unknown[]): object[] {
  return errors
    .flatMap((e) => {
      const nested = (e as FormattableError).originalError?.errors;
      return Array.isArray(nested) ? nested : [e];
    })
    .map((e) => (e instanceof GraphQLError ? e : new GraphQLError((e as Error).message ?? 'Internal error', { extensions: (e as GraphQLError).extensions })))
    .map((e) => {
      const original = e.originalError;
      if (original && !(original instanceof GraphQLError) && !e.extensions?.code) {
        return new GraphQLError('Internal error in the service', {
          nodes: e.nodes,
          path: e.path,
          extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies SubgraphErrorCode },
        });
      }
      return redactInputError(e);
    })
    .map((e) => e.toJSON());
}

function errorFormatter(execution: ExecutionResult & { statusCode?: number }, _context: MercuriusContext) {
  return { statusCode: 200, response: { data: execution.data ?? null, errors: formatSubgraphErrors(execution.errors ?? []) as never } };
}

/** Mount one service at `/<slug>/graphql` inside its own encapsulated Fastify context. */
export async function mountService(app: FastifyInstance, service: RegisteredService, options: ServiceAppOptions): Promise<HostedService> {
  const schema = shieldServiceSchema(buildServiceSchema(service.definition, options.source), service.policy);
  const path = `/${service.slug}/graphql`;
  let hosted: HostedService | undefined;
  await app.register(async (scope) => {
    // Over HTTP, the operation's span (continuing the gateway's traceparent) lasts from the request to the response.
    const spans = new WeakMap<object, Span>();
    scope.addHook('onRequest', async (request) => {
      const header = (name: string) => (typeof request.headers[name] === 'string' ? (request.headers[name] as string) : undefined);
      spans.set(request, subgraphSpan(service.slug, header('traceparent'), header('tracestate')));
    });
    scope.addHook('onResponse', async (request, reply) => {
      const span = spans.get(request);
      if (span) endSubgraphSpan(span, reply.statusCode >= 400);
    });
    await scope.register(mercurius, { schema, path, graphiql: false, errorFormatter: errorFormatter as never, queryDepth: 16 });
    scope.graphql.addHook('preExecution', admission({ audience: service.slug, publicKey: options.publicKey }) as never);
    if (options.cache?.enabled !== false) {
      const ttl = service.definition.cacheTtlSeconds ?? DEFAULT_CACHE_TTL_SECONDS;
      await scope.register(mercuriusCache, serviceCacheOptions(schema, ttl, options.cache));
    }
    hosted = {
      slug: service.slug,
      number: service.number,
      path,
      source: options.source,
      graphql: (query, context, variables, operationName) => scope.graphql(query, context as never, variables, operationName) as Promise<ExecutionResult>,
    };
  });
  return hosted!;
}
