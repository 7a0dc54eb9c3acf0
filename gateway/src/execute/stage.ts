/**
 * The execute stage: each admitted operation runs through Apollo Server over @apollo/gateway, as the text the
 * policy stage left (or, for introspection, as read). The operation's context travels as Apollo's context value,
 * so each subgraph call signs its context from the verified basis and records itself there.
 */
import type { ApolloServer } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { LRUCache } from 'lru-cache';
import { Refusal } from '@negiz/schema';
import type { OperationContext, RequestContext } from '../pipeline/context.ts';

/** Apollo's context value: it copies the object shallowly per operation, so the operation is one member. */
export interface ExecutionContext {
  operation: OperationContext;
}

export function operationOf(context: unknown): OperationContext | undefined {
  return context && typeof context === 'object' ? (context as Partial<ExecutionContext>).operation : undefined;
}

async function execute(apollo: ApolloServer<ExecutionContext>, operation: OperationContext): Promise<void> {
  const query = operation.pruned?.query ?? operation.query!;
  const response = await apollo.executeOperation(
    { query, variables: operation.variables as Record<string, unknown>, ...(operation.operationName ? { operationName: operation.operationName } : {}) },
    { contextValue: { operation } },
  );
  if (response.body.kind !== 'single') {
    // Never reached (the clients' stage refuses @defer/@stream), and never released unjournaled if it were.
    throw new Refusal('FORBIDDEN_OPERATION', 'Incremental delivery is not served');
  }
  operation.result = response.body.singleResult;
  operation.status = response.http.status ?? 200;
}

/**
 * An introspection-only operation without variables answers the same for the schema's life: computed once per
 * text (the schema is fixed for the process), so introspecting the 93 services' schema again costs a lookup.
 */
function introspectionKey(operation: OperationContext): string | undefined {
  const document = operation.document;
  if (!document?.introspectionOnly || operation.pruned || document.operation.variableDefinitions?.length) return undefined;
  return `${document.operationName ?? ''}\u0000${document.documentHash}`;
}

export function executeStage(apollo: ApolloServer<ExecutionContext>): (request: RequestContext) => Promise<void> {
  const introspections = new LRUCache<string, { result: FormattedExecutionResult; status: number }>({ max: 16 });
  const run = async (operation: OperationContext): Promise<void> => {
    const key = introspectionKey(operation);
    const known = key ? introspections.get(key) : undefined;
    if (known) {
      operation.result = known.result;
      operation.status = known.status;
      return;
    }
    await execute(apollo, operation);
    if (key && operation.status === 200 && !operation.result?.errors) introspections.set(key, { result: operation.result!, status: operation.status });
  };
  return async (request) => {
    await Promise.all(request.operations.map(run));
  };
}
