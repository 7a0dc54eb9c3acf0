/**
 * `POST /batch` (the contract: @negiz/schema's batch.ts): several subgraph operations in one HTTP request, for a
 * gateway whose subgraphs share this host. A dossier names some seventy services; one request per service costs
 * both ends far more in HTTP than the services cost in work. Each operation is still one service's operation with
 * its own signed context, verified by that service's admission hook exactly as on `/<slug>/graphql`: the batch
 * adds no authority of its own. A refused or failed operation is its own result; the others are answered, each
 * line written as soon as its operation is done.
 */
import type { FastifyInstance } from 'fastify';
import { PassThrough } from 'node:stream';
import { BATCH_CONTENT_TYPE, BATCH_PATH, MAX_BATCH_OPERATIONS, type BatchOperation, type BatchResult } from '@negiz/schema';
import { executeHosted } from './hosted-execution.ts';
import type { HostedService } from './service-app.ts';
import type { SubgraphErrorCode } from './errors.ts';

const bodySchema = {
  type: 'object',
  required: ['operations'],
  additionalProperties: false,
  properties: {
    operations: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_BATCH_OPERATIONS,
      items: {
        type: 'object',
        required: ['service', 'query'],
        additionalProperties: false,
        properties: {
          service: { type: 'string', maxLength: 64 },
          query: { type: 'string' },
          variables: { type: ['object', 'null'] },
          operationName: { type: ['string', 'null'] },
          context: { type: 'string' },
          traceparent: { type: 'string', maxLength: 128 },
          tracestate: { type: 'string', maxLength: 512 },
        },
      },
    },
  },
} as const;

export function mountBatch(app: FastifyInstance, services: ReadonlyMap<string, Pick<HostedService, 'slug' | 'graphql'>>): void {
  app.post<{ Body: { operations: BatchOperation[] } }>(
    BATCH_PATH,
    {
      schema: { body: bodySchema },
      bodyLimit: 4 * 1024 * 1024,
      // A malformed batch (Fastify's 4xx: schema, JSON, size): one message says what a batch is, rather than
      // Fastify's wording, which names the JSON schema's paths. Anything else is the host's own failure.
      errorHandler: (error, _request, reply) => {
        const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
        const message =
          status < 500
            ? `A batch is {"operations": [{"service", "query", "variables"?, "operationName"?, "context"}]} with 1 to ${MAX_BATCH_OPERATIONS} operations`
            : 'Internal error in the subgraph host';
        const code: SubgraphErrorCode = status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
        return reply.code(status).send({ errors: [{ message, extensions: { code } }] });
      },
    },
    async (request, reply) => {
      const lines = new PassThrough();
      // A client gone away destroys the stream; the operations still running write nowhere.
      lines.on('error', () => undefined);
      // The lines of the operations done in one turn go out as one chunk.
      let pending = '';
      const flush = () => {
        if (pending && !lines.destroyed) lines.write(pending);
        pending = '';
      };
      const emit = (line: string) => {
        if (!pending) setImmediate(flush);
        pending += line;
      };
      void Promise.all(
        request.body.operations.map(async (operation, index) => {
          const service = services.get(operation.service);
          const result = service
            ? await executeHosted(service, {
                query: operation.query,
                variables: operation.variables ?? undefined,
                operationName: operation.operationName ?? undefined,
                gatewayToken: operation.context,
                traceparent: operation.traceparent,
                tracestate: operation.tracestate,
              })
            : { data: null, errors: [{ message: 'No such service on this host', extensions: { code: 'BAD_REQUEST' satisfies SubgraphErrorCode } }] };
          emit(`${JSON.stringify({ index, result } satisfies BatchResult)}\n`);
        }),
      ).then(
        () => {
          flush();
          lines.end();
        },
        // Only a bug gets here (executeHosted answers every failure): the answer breaks off, and the gateway fails
        // the calls still open, rather than this process going down on an unhandled rejection.
        (error: Error) => lines.destroy(error),
      );
      return reply.type(BATCH_CONTENT_TYPE).send(lines);
    },
  );
}
