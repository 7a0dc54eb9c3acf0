/**
 * The door: the one HTTP route where GraphQL enters. Every spelling of its path that an HTTP stack might take
 * for it (percent-encoded, trailing slash or dot, other case, doubled slashes, a fragment) is routed to it, and
 * the route's only handler runs the whole pipeline, so no form of the URL reaches the executor past a stage. GET
 * and POST are read once into the same operations and go through the same stages.
 */
import { posix } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { Refusal, refusalBody } from '@negiz/schema';
import type { GatewayMetrics } from '../metrics.ts';
import { openRequest, type RequestContext, type SentOperation } from './context.ts';
import type { Pipeline } from './stages.ts';

export const GRAPHQL_PATH = '/graphql';

/** The path as some router might take it: decoded, no fragment, dot segments resolved, no doubled or trailing slashes or dots, any case. */
export function canonicalPath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape stays as sent: it cannot then spell the route.
  }
  const withoutFragment = decoded.split('#', 1)[0]!.replace(/\\/g, '/');
  return (
    posix
      .normalize(`/${withoutFragment}`)
      .replace(/[/.\s]+$/, '')
      .toLowerCase() || '/'
  );
}

/** For Fastify's `rewriteUrl`: any spelling of the GraphQL path becomes the path itself, the query kept. */
export function rewriteGraphqlUrl(url: string | undefined): string {
  if (!url) return '/';
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  if (path === GRAPHQL_PATH) return url;
  return canonicalPath(path) === GRAPHQL_PATH ? GRAPHQL_PATH + (q === -1 ? '' : url.slice(q)) : url;
}

const NOT_GRAPHQL = 'Send a GraphQL request: a JSON object {query, variables?, operationName?, extensions?}, or a non-empty array of them';

function jsonParameter(value: unknown, name: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    throw new Refusal('BAD_REQUEST', `"${name}" must be JSON`);
  }
}

/** Arrays and objects nested in `variables` or `extensions`; no input type of the schema nests half as deep. */
export const MAX_JSON_DEPTH = 32;

/** Whether a JSON value nests deeper than `limit`: an explicit stack, so no nesting can exhaust the call stack. */
export function nestsDeeper(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** Refused before any stage walks them (subjects, Apollo's coercion, the journal's serialisation). */
function checkNesting(operations: readonly SentOperation[]): void {
  for (const operation of operations) {
    if (nestsDeeper(operation.variables, MAX_JSON_DEPTH) || nestsDeeper(operation.extensions, MAX_JSON_DEPTH)) {
      throw new Refusal('VARIABLES_TOO_DEEP', `"variables" or "extensions" nest deeper than ${MAX_JSON_DEPTH} levels (docs/clients.md#limits)`);
    }
  }
}

/** The operations of the request: the GET parameters as one, or the POST body's object or array items. */
function operationsOf(request: FastifyRequest): { operations: SentOperation[]; batched: boolean } {
  if (request.method === 'GET') {
    const parameters = (request.query ?? {}) as Record<string, unknown>;
    return {
      operations: [
        {
          query: parameters['query'],
          operationName: parameters['operationName'],
          variables: jsonParameter(parameters['variables'], 'variables'),
          extensions: jsonParameter(parameters['extensions'], 'extensions'),
        },
      ],
      batched: false,
    };
  }
  const body = request.body;
  const isOperation = (item: unknown): item is SentOperation => item !== null && typeof item === 'object' && !Array.isArray(item);
  if (Array.isArray(body)) {
    if (body.length === 0 || !body.every(isOperation)) throw new Refusal('BAD_REQUEST', NOT_GRAPHQL);
    return { operations: body, batched: true };
  }
  if (isOperation(body)) return { operations: [body], batched: false };
  throw new Refusal('BAD_REQUEST', NOT_GRAPHQL);
}

function respond(reply: FastifyReply, request: RequestContext): FastifyReply {
  reply.header('content-type', 'application/json; charset=utf-8');
  if (request.refusal) {
    for (const [name, value] of Object.entries(request.refusal.headers)) reply.header(name, value);
    return reply.code(request.refusal.status).send(refusalBody(request.refusal, request.refusalReceipt));
  }
  const operations = request.operations;
  if (!request.batched) return reply.code(operations[0]!.status).send(operations[0]!.result);
  return reply.code(Math.max(...operations.map((o) => o.status))).send(operations.map((o) => o.result));
}

export interface DoorOptions {
  pipeline: Pipeline;
  /** Largest body accepted, whatever its transfer encoding (413 beyond). */
  bodyLimit: number;
  metrics?: GatewayMetrics;
  logger?: Logger;
}

export function registerDoor(app: FastifyInstance, options: DoorOptions): void {
  const { pipeline, metrics, logger } = options;
  app.route({
    method: ['GET', 'POST'],
    url: GRAPHQL_PATH,
    bodyLimit: options.bodyLimit,
    // Fastify's own refusals of the transfer (a body over the limit in any encoding, not JSON, another type).
    errorHandler: async (error, _request, reply) => {
      const status = (error as { statusCode?: number }).statusCode ?? 500;
      const refusal =
        status === 413
          ? new Refusal('REQUEST_TOO_LARGE', `Request body is larger than ${options.bodyLimit} bytes (docs/clients.md#limits)`)
          : status < 500
            ? new Refusal('BAD_REQUEST', NOT_GRAPHQL)
            : new Refusal('INTERNAL', 'The gateway could not process the request');
      if (refusal.code === 'INTERNAL') logger?.error({ err: (error as Error).name }, 'request failure');
      metrics?.requests.inc({ outcome: 'REFUSED', code: refusal.code });
      await reply.code(refusal.status).header('content-type', 'application/json; charset=utf-8').send(refusalBody(refusal));
    },
    handler: async (httpRequest, reply) => {
      let sent;
      try {
        sent = operationsOf(httpRequest);
        checkNesting(sent.operations);
      } catch (error) {
        const refusal = error instanceof Refusal ? error : new Refusal('BAD_REQUEST', NOT_GRAPHQL);
        metrics?.requests.inc({ outcome: 'REFUSED', code: refusal.code });
        return reply.code(refusal.status).header('content-type', 'application/json; charset=utf-8').send(refusalBody(refusal));
      }
      const request = openRequest({
        method: httpRequest.method === 'GET' ? 'GET' : 'POST',
        headers: httpRequest.headers,
        operations: sent.operations,
        batched: sent.batched,
      });
      await pipeline.run(request);
      if (request.refusal) {
        metrics?.requests.inc({ outcome: 'REFUSED', code: request.refusal.code });
        if (request.trace.at(-1)?.stage === 'clients') metrics?.budgetRefusals.inc({ code: request.refusal.code });
        logger?.info({ code: request.refusal.code, status: request.refusal.status, trace: request.trace }, 'request refused');
      } else {
        logger?.debug({ requestIds: request.operations.map((o) => o.requestId), trace: request.trace }, 'request served');
      }
      return respond(reply, request);
    },
  });
}
