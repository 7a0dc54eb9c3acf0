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
import { BATCH_CONTENT_TYPE, BATCH_PATH, GATEWAY_CONTEXT_HEADER, MAX_BATCH_OPERATIONS, type BatchOperation, type BatchResult, type Code } from '@negiz/schema';

const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64, pipelining: 1 });

function failure(message: string): GatewayGraphQLResponse {
  return { errors: [{ message, extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' satisfies Code } }] };
}

/**
 * The subgraph host a service's URL names, when it has the shape `negiz serve-subgraphs` serves
 * (`{host}/{slug}/graphql`, the slug the service's own); undefined for any other URL (a subgraph of its own).
 */
export function subgraphHostOf(url: string, slug: string): string | undefined {
  const suffix = `/${slug}/graphql`;
  if (!url.endsWith(suffix)) return undefined;
  const host = url.slice(0, -suffix.length);
  return /^https?:\/\/[^/]/.test(host) ? host : undefined;
}

/** The batches to one subgraph host. */
export class SubgraphBatches {
  readonly url: string;
  readonly #timeoutMs: number;
  readonly #loader: DataLoader<BatchOperation, GatewayGraphQLResponse>;

  constructor(baseUrl: string, timeoutMs = 10_000) {
    this.url = `${baseUrl.replace(/\/+$/, '')}${BATCH_PATH}`;
    this.#timeoutMs = timeoutMs;
    this.#loader = new DataLoader<BatchOperation, GatewayGraphQLResponse>((operations) => this.#send(operations) as never, {
      cache: false,
      maxBatchSize: MAX_BATCH_OPERATIONS,
      // After the turn's promise jobs and I/O callbacks: every fetch a plan node starts together is in.
      batchScheduleFn: (send) => setImmediate(send),
    });
  }

  call(operation: BatchOperation): Promise<GatewayGraphQLResponse> {
    return this.#loader.load(operation);
  }

  /**
   * Sends the batch and answers each call as soon as its line arrives: the loader gets one promise per call (a
   * promise resolved with a promise follows it), so a slow service holds back no other call.
   */
  async #send(operations: readonly BatchOperation[]): Promise<Array<Promise<GatewayGraphQLResponse>>> {
    // A promise settles once: a line, then the end of the answer, settle each call by whichever comes first.
    const answers = operations.map(() => {
      let settle!: { resolve: (r: GatewayGraphQLResponse) => void; reject: (e: Error) => void };
      const promise = new Promise<GatewayGraphQLResponse>((resolve, reject) => (settle = { resolve, reject }));
      return { promise, ...settle };
    });
    void this.#receive(operations, (index, result) => answers[index]?.resolve(result)).then(
      (unanswered) => answers.forEach((a) => a.resolve(unanswered)),
      (error: Error) => answers.forEach((a) => a.reject(error)),
    );
    return answers.map((a) => a.promise);
  }

  /** Reads the answer line by line; resolves with what a call without a line gets. */
  async #receive(operations: readonly BatchOperation[], answer: (index: number, result: GatewayGraphQLResponse) => void): Promise<GatewayGraphQLResponse> {
    const response = await request(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: BATCH_CONTENT_TYPE },
      body: JSON.stringify({ operations }),
      dispatcher: agent,
      headersTimeout: this.#timeoutMs,
      bodyTimeout: this.#timeoutMs,
    });
    if (response.statusCode !== 200 || !String(response.headers['content-type'] ?? '').startsWith(BATCH_CONTENT_TYPE)) {
      await response.body.dump();
      return response.statusCode === 404
        ? failure(`The subgraph host has no ${BATCH_PATH} (not negiz serve-subgraphs?): set NEGIZ_SUBGRAPH_BATCH=false`)
        : failure(`The subgraph host answered HTTP ${response.statusCode} without the batch's results`);
    }
    let rest = '';
    const take = (line: string) => {
      if (!line) return;
      let parsed: BatchResult | undefined;
      try {
        parsed = JSON.parse(line) as BatchResult;
      } catch {
        return;
      }
      if (Number.isInteger(parsed.index) && parsed.result && typeof parsed.result === 'object') answer(parsed.index, parsed.result as GatewayGraphQLResponse);
    };
    for await (const chunk of response.body) {
      const lines = (rest + (chunk as Buffer).toString('utf8')).split('\n');
      rest = lines.pop()!;
      for (const line of lines) take(line);
    }
    take(rest);
    return failure("The subgraph host ended the batch without this call's result");
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
