/**
 * Every subgraph request carries the gateway's signed context (who asks, on which verified basis, whether the
 * case's articles qualify), with the subgraph's slug as audience, the request id (REQUEST_ID_HEADER), the W3C
 * traceparent of its span, and nothing of the client's token or headers. Each call is timed per service.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { GATEWAY_CONTEXT_HEADER, REQUEST_ID_HEADER, type GatewayClaims } from '@negiz/schema';
import type { GatewayMetrics } from '../metrics.ts';
import type { OperationContext } from '../pipeline/context.ts';
import { gatewayTracer, traceHeaders } from '../tracing.ts';
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
  readonly #metrics: Pick<GatewayMetrics, 'serviceSeconds' | 'serviceErrors'> | undefined;

  constructor(inner: GraphQLDataSource, audience: string, sign: ContextSigner, metrics?: Pick<GatewayMetrics, 'serviceSeconds' | 'serviceErrors'>) {
    this.#inner = inner;
    this.#audience = audience;
    this.#sign = sign;
    this.#metrics = metrics;
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
    const span = gatewayTracer().startSpan(
      `negiz.subgraph ${this.#audience}`,
      { kind: SpanKind.CLIENT, attributes: { 'negiz.service': this.#audience } },
      operation.request.traceContext ?? ROOT_CONTEXT,
    );
    // A Map is all either transport reads (get, iteration) and costs a fraction of a fetch Headers object.
    const headers = new Map([[GATEWAY_CONTEXT_HEADER, await token], [REQUEST_ID_HEADER, operation.requestId], ...Object.entries(traceHeaders(span))]);
    const started = performance.now();
    let response: GatewayGraphQLResponse;
    try {
      response = await this.#inner.process({
        ...options,
        request: { ...options.request, http: { method: 'POST', url: '', headers: headers as never } },
      });
    } catch (error) {
      this.#observe(started, 'UNREACHABLE');
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'UNREACHABLE' });
      span.end();
      throw error;
    }
    const code = response.errors?.length ? String(response.errors[0]!.extensions?.code ?? 'ERROR') : undefined;
    this.#observe(started, code);
    if (code) span.setStatus({ code: SpanStatusCode.ERROR, message: code });
    span.end();
    if (!response.errors?.some((e) => e.path?.[0] === '_entities')) return response;
    return { ...response, errors: response.errors.map((e) => ({ ...e, path: normaliseSubgraphErrorPath(e.path) })) };
  }

  #observe(started: number, errorCode: string | undefined): void {
    this.#metrics?.serviceSeconds.observe({ service: this.#audience }, (performance.now() - started) / 1000);
    if (errorCode) this.#metrics?.serviceErrors.inc({ service: this.#audience, code: errorCode });
  }
}
