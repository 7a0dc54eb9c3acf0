/**
 * One operation against a service hosted in this process, answered as a GraphQL response whatever happens: the
 * in-process data source and the batch route both run it, so the signed context is verified (by the service's
 * admission hook) and its span recorded the same way on either path.
 */
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GraphQLFormattedError } from 'graphql';
import type { SubgraphErrorCode } from './errors.ts';
import { formatSubgraphErrors, type HostedService } from './service-app.ts';
import { endSubgraphSpan, subgraphSpan } from './tracing.ts';

export interface HostedOperation {
  query?: string | undefined;
  variables?: Record<string, unknown> | undefined;
  operationName?: string | undefined;
  /** The gateway's signed context for this service. */
  gatewayToken?: string | undefined;
  traceparent?: string | undefined;
  tracestate?: string | undefined;
}

export async function executeHosted(service: Pick<HostedService, 'slug' | 'graphql'>, operation: HostedOperation): Promise<GatewayGraphQLResponse> {
  if (!operation.query) return { errors: [{ message: 'Subgraph request without a query', extensions: { code: 'BAD_REQUEST' satisfies SubgraphErrorCode } }] };
  const span = subgraphSpan(service.slug, operation.traceparent, operation.tracestate);
  let failed = true;
  try {
    const result = await service.graphql(operation.query, { gatewayToken: operation.gatewayToken }, operation.variables, operation.operationName);
    const response: GatewayGraphQLResponse = { data: (result.data ?? null) as GatewayGraphQLResponse['data'] };
    if (result.errors?.length) response.errors = result.errors as unknown as GraphQLFormattedError[];
    failed = Boolean(result.errors?.length);
    return response;
  } catch (error) {
    // mercurius throws on parse/validation errors and on a refused context: answer them as GraphQL errors.
    const nested = (error as { errors?: unknown[] }).errors;
    return { data: null, errors: formatSubgraphErrors(Array.isArray(nested) ? nested : [error]) as GraphQLFormattedError[] };
  } finally {
    endSubgraphSpan(span, failed);
  }
}
