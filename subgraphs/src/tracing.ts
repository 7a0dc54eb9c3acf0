/**
 * A subgraph continues the gateway's trace: one span per operation, child of the span named by the W3C
 * `traceparent` header the gateway sent. Spans come from the process's global tracer provider (a no-op unless one
 * is registered: a host in its own process registers one with NEGIZ_OTLP_URL); attributes name the service only,
 * never an argument.
 */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';

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

/**
 * Registers the host's tracer provider, its spans batched to the OTLP/HTTP endpoint `otlpUrl`. A host inside the
 * gateway's process does not call it: it uses the gateway's provider.
 */
export function exportSubgraphSpans(otlpUrl: string, serviceName = 'negiz-subgraphs'): { close(): Promise<void> } {
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: otlpUrl }) })],
  });
  trace.setGlobalTracerProvider(provider);
  return {
    async close() {
      await provider.shutdown();
      trace.disable();
    },
  };
}
