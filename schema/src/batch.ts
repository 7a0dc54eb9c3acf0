/**
 * The batch contract between the gateway and a subgraph host (`negiz serve-subgraphs`): several services'
 * operations in one `POST {host}/batch`, `{"operations": [BatchOperation...]}`, answered as NDJSON
 * (`application/x-ndjson`), one BatchResult line per operation as soon as that operation is done, in any order:
 * a slow service holds back no other operation's answer. Each operation carries its own signed context, verified
 * by its service.
 */
export const BATCH_PATH = '/batch';
/** More than any plan of the supergraph sends in one turn (93 services, a few fetches each); bounds one request's work. */
export const MAX_BATCH_OPERATIONS = 512;

export interface BatchOperation {
  /** The service's slug, as in `/<slug>/graphql`. */
  service: string;
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  /** The gateway's signed context for this service (what GATEWAY_CONTEXT_HEADER carries on `/<slug>/graphql`). */
  context?: string;
  traceparent?: string;
  tracestate?: string;
}

/** One line of the answer: the operation's index in the batch and its GraphQL response. */
export interface BatchResult {
  index: number;
  result: { data?: unknown; errors?: readonly unknown[]; extensions?: Record<string, unknown> };
}

export const BATCH_CONTENT_TYPE = 'application/x-ndjson';
