/**
 * The one hand-off between the stages: a request context created once at the door, filled in stage by stage
 * (each field says which stage writes it), and read by the later stages only. A batch is one request with
 * several operations: they share the token and the client, and each brings its own basis.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from '@opentelemetry/api';
import type { FormattedExecutionResult } from 'graphql';
import type { JournalReceipt } from '@negiz/journal';
import type { Refusal } from '@negiz/schema';
import type { Identity } from '../authenticate/identity.ts';
import type { BasisClaim } from '../basis/claim.ts';
import type { VerifiedBasis } from '../basis/verify.ts';
import type { RequestClient, PersistedUse } from '../clients/operations/persisted.ts';
import type { ReadDocument } from '../document/read.ts';
import type { Subject } from '../document/subjects.ts';
import type { PrunedOperation } from '../policy/index.ts';
import type { WithheldRecord } from '../release/withheld.ts';

export type StageName = 'door' | 'authenticate' | 'clients' | 'basis' | 'policy' | 'execute' | 'release';

/** One GraphQL operation as the client sent it: the body item of a POST, or the parameters of a GET. */
export interface SentOperation {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

export interface OperationContext {
  readonly request: RequestContext;
  readonly index: number;
  /** Journal entry id's companion, also sent to the subgraphs as x-request-id. */
  readonly requestId: string;
  readonly sent: SentOperation;
  /** The client's own extensions (basis, persistedQuery), never trusted as state. */
  readonly extensions: Readonly<Record<string, unknown>> | undefined;
  readonly variables: Readonly<Record<string, unknown>>;

  // clients
  /** The text to run: sent, or resolved from a persisted operation or APQ. */
  query?: string;
  operationName?: string;
  persisted?: PersistedUse;
  document?: ReadDocument;
  /** The distinct subjects (IIN, BIN, vehicle, ...) this operation asks about, in order of first appearance. */
  subjects: Subject[];

  // basis
  claim?: BasisClaim;
  basis?: VerifiedBasis;

  // policy
  pruned?: PrunedOperation;

  // execute
  result?: FormattedExecutionResult;
  /** Slugs of the subgraphs actually called. */
  readonly servicesCalled: Set<string>;
  /** Signed contexts ('*' for the shared one, else per subgraph), signed once per operation. */
  readonly contexts: Map<string, Promise<string>>;

  // release
  status: number;
  withheld: WithheldRecord[];
  receipt?: JournalReceipt;
}

export interface StageTrace {
  stage: StageName;
  /** Milliseconds since the request arrived. */
  at: number;
  ms: number;
  /** The refusal's code when the stage refused the request. */
  refused?: string;
}

export interface RequestContext {
  readonly receivedAt: Date;
  /** performance.now() at arrival: durations are measured from here. */
  readonly startedAt: number;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** A JSON array body: answered as an array. */
  readonly batched: boolean;
  readonly operations: OperationContext[];

  // authenticate
  identity?: Identity;
  /** The verified token's client claim (client_id or azp), if any. */
  clientClaim?: string;

  // clients
  client?: RequestClient;

  /** The stages run so far, in order, with their timings: a reader (or a tracer) follows the request here. */
  readonly trace: StageTrace[];
  /** The request's OpenTelemetry span, set by the runner: each subgraph call is a child of it. */
  traceContext?: Context;
  /** Set when a stage refused the whole request. */
  refusal?: Refusal;
  /** The journal entry recording the refusal, when the refusing stage journaled it. */
  refusalReceipt?: JournalReceipt;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function openRequest(input: {
  method: 'GET' | 'POST';
  headers: RequestContext['headers'];
  operations: SentOperation[];
  batched: boolean;
}): RequestContext {
  const request: RequestContext = {
    receivedAt: new Date(),
    startedAt: performance.now(),
    method: input.method,
    headers: input.headers,
    batched: input.batched,
    operations: [],
    trace: [],
  };
  for (const [index, sent] of input.operations.entries()) {
    request.operations.push({
      request,
      index,
      requestId: randomUUID(),
      sent,
      extensions: record(sent.extensions),
      variables: record(sent.variables) ?? {},
      subjects: [],
      servicesCalled: new Set(),
      contexts: new Map(),
      status: 200,
      withheld: [],
    });
  }
  return request;
}

/** The first value of a header. */
export function headerOf(request: RequestContext, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
