/**
 * What the stages established about one GraphQL operation, handed from the Fastify stage (authenticate, basis,
 * policy) to the execution and release inside Apollo Server. Keyed by the operation's `extensions` object, which
 * the gateway creates per operation (batched requests share one HTTP request but not their basis).
 */
import type { Identity } from './authenticate/identity.ts';
import type { VerifiedBasis } from './basis/verify.ts';
import type { ClientKind } from '@negiz/journal';
import type { Inspection, PrunedOperation } from './policy/index.ts';

export interface OperationState {
  requestId: string;
  receivedAt: Date;
  startedAt: number;
  identity: Identity;
  client: { kind: ClientKind; id: string };
  /** The registered operation's id (persisted operations, APQ), for the journal. */
  persistedId?: string;
  inspection: Inspection;
  basis?: VerifiedBasis;
  pruned?: PrunedOperation;
  variables?: Readonly<Record<string, unknown>>;
  /** Slugs of the subgraphs actually called. */
  servicesCalled: Set<string>;
  /** Slugs of the subgraphs the pruned operation may call: the audience of its signed context. */
  audiences: readonly string[];
  /** Signed contexts ('*' for the shared one, else per subgraph), signed once per operation. */
  contexts: Map<string, Promise<string>>;
}

// A symbol-keyed property: JSON (the only way a client speaks) cannot produce it, and it is cheaper than a
// WeakMap entry per operation (measured: the ephemeron table showed in the collector's time).
const STATE = Symbol('negiz.operationState');

/** Attach the state to a fresh extensions object (the client's own keys are copied, never trusted as state). */
export function attachState(clientExtensions: Record<string, unknown> | undefined, state: OperationState): Record<string, unknown> {
  const extensions: Record<string | symbol, unknown> = { ...clientExtensions };
  extensions[STATE] = state;
  return extensions;
}

export function stateOf(extensions: unknown): OperationState | undefined {
  return extensions && typeof extensions === 'object' ? ((extensions as Record<symbol, unknown>)[STATE] as OperationState | undefined) : undefined;
}
