/**
 * Every subgraph request carries the gateway's signed context (who asks, on which verified basis, whether the
 * case's articles qualify), with the subgraph's slug as audience, the request id (REQUEST_ID_HEADER), and nothing of
 * the client's token or headers.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GATEWAY_CONTEXT_HEADER, REQUEST_ID_HEADER, type GatewayClaims } from '@negiz/schema';
import type { OperationContext } from '../pipeline/context.ts';
import { operationOf } from './stage.ts';
import { normaliseSubgraphErrorPath } from './error-paths.ts';

/** Signs the claims for one subgraph (its slug) or for all the subgraphs an operation may call. */
export type ContextSigner = (claims: GatewayClaims, audience: string | readonly string[]) => Promise<string>;

function claimsOf(operation: OperationContext): GatewayClaims {
  const { basis } = operation;
  const identity = operation.request.identity!;
  if (!basis) throw new Error('no verified basis for a data request');
  return {
    sub: identity.login,
    role: identity.role,
    org: identity.organisation,
    basis: { type: basis.type, number: basis.number, ...(basis.instruction ? { instruction: basis.instruction } : {}) },
    articlesQualify: basis.articlesQualify,
  };
}

export class SignedContextDataSource implements GraphQLDataSource {
  readonly #inner: GraphQLDataSource;
  readonly #audience: string;
  readonly #sign: ContextSigner;

  constructor(inner: GraphQLDataSource, audience: string, sign: ContextSigner) {
    this.#inner = inner;
    this.#audience = audience;
    this.#sign = sign;
  }

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    // The enum is not exported at runtime by the CommonJS build: compare with its value.
    if ((options.kind as string) !== 'incoming operation' || !('incomingRequestContext' in options)) return this.#inner.process(options);
    const operation = operationOf(options.context);
    if (!operation?.basis || !operation.pruned) throw new Error('subgraph call outside a verified request');
    // One context for every subgraph the operation names; a subgraph outside that list gets its own.
    const shared = operation.pruned.audiences.includes(this.#audience);
    const key = shared ? '*' : this.#audience;
    let token = operation.contexts.get(key);
    if (!token) operation.contexts.set(key, (token = this.#sign(claimsOf(operation), shared ? operation.pruned.audiences : this.#audience)));
    operation.servicesCalled.add(this.#audience);
    // A Map is all either transport reads (get, iteration) and costs a fraction of a fetch Headers object.
    const headers = new Map([
      [GATEWAY_CONTEXT_HEADER, await token],
      [REQUEST_ID_HEADER, operation.requestId],
    ]);
    const response = await this.#inner.process({
      ...options,
      request: { ...options.request, http: { method: 'POST', url: '', headers: headers as never } },
    });
    if (!response.errors?.some((e) => e.path?.[0] === '_entities')) return response;
    return { ...response, errors: response.errors.map((e) => ({ ...e, path: normaliseSubgraphErrorPath(e.path) })) };
  }
}
