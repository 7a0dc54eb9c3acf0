/**
 * @apollo/gateway rebuilds its own model of the operation (federation-internals' `operationFromDocument`) on
 * every execution, even when the query plan comes from its cache (executeQueryPlan.js, for shaping the result):
 * about 5% of the CPU of a 4-service query and the largest single cost of a dossier, garbage included. The
 * operation depends only on the document, which Apollo Server parses once per text and hands over as the same
 * objects each time, so Negiz keeps the model per document node.
 *
 * Only the execution-time call is memoised (`{ validate: false }`, no operation name: the planner's call differs),
 * keyed by the schema and the exact definition nodes (identity, not text), so a document parsed anew, another
 * schema after a supergraph update, or another fragment set builds its own. The model holds no variable values:
 * @include/@skip are evaluated against each request's variables when the result is shaped.
 *
 * What it buys, measured once each way on the development machine (2 cores shared with other work), Negiz side,
 * median per request: query (a), 4 services, 1.56 -> 1.22 ms wall (-340 us), 1.84 -> 1.56 ms CPU (-280 us);
 * query (b), the dossier, 14.20 -> 11.63 ms wall (-2,570 us), 13.78 -> 12.80 ms CPU (-980 us). Command:
 * `NEGIZ_OPERATION_MEMO=off node_modules/.bin/node bench/gateway/overhead.ts 300 6` (off), then without the
 * variable (on). It patches @apollo/federation-internals' CommonJS module: test/execute/operation-memo.test.ts
 * fails, saying what to re-check, when an upgrade changes the function or its call.
 */
import { createRequire } from 'node:module';
import type { DefinitionNode, DocumentNode, OperationDefinitionNode } from 'graphql';

type OperationFromDocument = (schema: object, document: DocumentNode, options?: { operationName?: string; validate?: boolean }) => unknown;
interface OperationsModule {
  /** Once patched: the memo's counters, and the function it wraps (a test checks it is still the one reviewed). */
  operationFromDocument: OperationFromDocument & { negizMemo?: MemoStats; negizOriginal?: OperationFromDocument };
}

export interface MemoStats {
  hits: number;
  misses: number;
}

interface Kept {
  definitions: readonly DefinitionNode[];
  operation: unknown;
}

const require = createRequire(import.meta.url);
// The module @apollo/gateway reaches through federation-internals' index (whose exports read it at call time).
const OPERATIONS_MODULE = require.resolve('@apollo/federation-internals/dist/operations.js', {
  paths: [require.resolve('@apollo/gateway')],
});

function sameDefinitions(a: readonly DefinitionNode[], b: readonly DefinitionNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Install the memo once per process; returns its counters. Idempotent. */
export function memoiseGatewayOperations(): MemoStats {
  const operations = require(OPERATIONS_MODULE) as OperationsModule;
  const installed = operations.operationFromDocument.negizMemo;
  if (installed) return installed;
  const original = operations.operationFromDocument;
  const stats: MemoStats = { hits: 0, misses: 0 };
  const bySchema = new WeakMap<object, WeakMap<OperationDefinitionNode, Kept>>();
  const memoised: OperationsModule['operationFromDocument'] = (schema, document, options) => {
    const first = document.definitions[0];
    if (options?.validate !== false || options.operationName !== undefined || first?.kind !== 'OperationDefinition') return original(schema, document, options);
    let kept = bySchema.get(schema);
    if (!kept) bySchema.set(schema, (kept = new WeakMap()));
    const hit = kept.get(first);
    if (hit && sameDefinitions(hit.definitions, document.definitions)) {
      stats.hits++;
      return hit.operation;
    }
    stats.misses++;
    const operation = original(schema, document, options);
    kept.set(first, { definitions: [...document.definitions], operation });
    return operation;
  };
  memoised.negizMemo = stats;
  memoised.negizOriginal = original;
  operations.operationFromDocument = memoised;
  return stats;
}
