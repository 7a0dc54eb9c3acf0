/**
 * Subgraphs that share one host (`negiz serve-subgraphs`) over HTTP, their calls batched: the calls made in one
 * turn of the event loop (a plan's parallel fetches, and those of the other operations in flight) go to the host
 * as one `POST {base}/batch` (@negiz/schema's batch contract), each call still with its own signed context. A
 * dossier of some seventy services is then one request instead of seventy, on both ends.
 */
import DataLoader from 'dataloader';
import { Agent, request } from 'undici';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { BATCH_PATH, GATEWAY_CONTEXT_HEADER, MAX_BATCH_OPERATIONS, type BatchOperation, type Code } from '@negiz/schema';

const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64, pipelining: 1 });

function failure(message: string): GatewayGraphQLResponse {
  return { errors: [{ message, extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' satisfies Code } }] };
}

/** The batches to one subgraph host. */
export class SubgraphBatches {
  readonly url: string;
  readonly #timeoutMs: number;
  readonly #loader: DataLoader<BatchOperation, GatewayGraphQLResponse>;

  constructor(baseUrl: string, timeoutMs = 10_000) {
    this.url = `${baseUrl.replace(/\/+$/, '')}${BATCH_PATH}`;
    this.#timeoutMs = timeoutMs;
    this.#loader = new DataLoader((operations) => this.#send(operations), {
      cache: false,
      maxBatchSize: MAX_BATCH_OPERATIONS,
      // After the turn's promise jobs and I/O callbacks: every fetch a plan node starts together is in.
      batchScheduleFn: (send) => setImmediate(send),
    });
  }

  call(operation: BatchOperation): Promise<GatewayGraphQLResponse> {
    return this.#loader.load(operation);
  }

  async #send(operations: readonly BatchOperation[]): Promise<GatewayGraphQLResponse[]> {
    const response = await request(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ operations }),
      dispatcher: agent,
      headersTimeout: this.#timeoutMs,
      bodyTimeout: this.#timeoutMs,
    });
    const text = await response.body.text();
    let results: unknown;
    try {
      results = (JSON.parse(text) as { results?: unknown }).results;
    } catch {
      results = undefined;
    }
    if (!Array.isArray(results) || results.length !== operations.length) {
      const answer =
        response.statusCode === 404
          ? failure(`The subgraph host has no ${BATCH_PATH} (not negiz serve-subgraphs?): set NEGIZ_SUBGRAPH_BATCH=false`)
          : failure(`The subgraph host answered HTTP ${response.statusCode} without the batch's results`);
      return operations.map(() => answer);
    }
    return results as GatewayGraphQLResponse[];
  }
}

/** One subgraph of the host, as @apollo/gateway sees it. */
export class BatchedDataSource implements GraphQLDataSource {
  readonly #batches: SubgraphBatches;
  readonly #service: string;

  constructor(batches: SubgraphBatches, service: string) {
    this.#batches = batches;
    this.#service = service;
  }

  process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { query, variables, operationName } = options.request;
    // SignedContextDataSource puts the context and the trace headers in a Map.
    const headers = options.request.http?.headers as unknown as { get(name: string): string | null | undefined } | undefined;
    const header = (name: string) => headers?.get(name) ?? undefined;
    const operation: BatchOperation = { service: this.#service, query: query ?? '' };
    if (variables) operation.variables = variables;
    if (operationName) operation.operationName = operationName;
    const context = header(GATEWAY_CONTEXT_HEADER);
    if (context) operation.context = context;
    const traceparent = header('traceparent');
    if (traceparent) operation.traceparent = traceparent;
    const tracestate = header('tracestate');
    if (tracestate) operation.tracestate = tracestate;
    return this.#batches.call(operation);
  }
}
