/**
 * A subgraph continues the gateway's trace: one span per operation, child of the span named by the W3C
 * `traceparent` header the gateway sent. Spans come from the process's global tracer provider (a no-op unless one
 * is registered); attributes name the service only, never an argument.
 */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

const propagator = new W3CTraceContextPropagator();
const getter = {
  keys: (carrier: Record<string, string>) => Object.keys(carrier),
  get: (carrier: Record<string, string>, key: string) => carrier[key],
};

export function subgraphSpan(slug: string, traceparent: string | undefined, tracestate?: string): Span {
  const carrier: Record<string, string> = {};
  if (traceparent) carrier.traceparent = traceparent;
  if (tracestate) carrier.tracestate = tracestate;
  const parent = propagator.extract(ROOT_CONTEXT, carrier, getter);
  return trace.getTracer('negiz-subgraphs').startSpan(`subgraph ${slug}`, { kind: SpanKind.SERVER, attributes: { 'negiz.service': slug } }, parent);
}

/** Ends the span, marked failed when the operation answered errors. */
export function endSubgraphSpan(span: Span, failed: boolean): void {
  if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}
