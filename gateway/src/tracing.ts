/**
 * OpenTelemetry traces: one span per request, one per pipeline stage and one per subgraph call, the W3C
 * `traceparent` sent to the subgraphs (which continue the trace). Spans come from the global tracer provider, a
 * no-op until createTracing registers one (NEGIZ_OTLP_URL), so an untraced gateway pays next to nothing.
 * Attributes carry stages, codes, service slugs and statuses: never a login, a subject or a case number.
 */
import { ROOT_CONTEXT, trace, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, TracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace';

const propagator = new W3CTraceContextPropagator();
const getter = {
  keys: (carrier: Readonly<Record<string, unknown>>) => Object.keys(carrier),
  get: (carrier: Readonly<Record<string, unknown>>, key: string) => carrier[key] as string | string[] | undefined,
};
const setter = { set: (carrier: Record<string, string>, key: string, value: string) => (carrier[key] = value) };

export function gatewayTracer(): Tracer {
  return trace.getTracer('negiz-gateway');
}

/** The caller's trace, when its headers carry a valid traceparent; a new trace otherwise. */
export function incomingTrace(headers: Readonly<Record<string, unknown>>): Context {
  return propagator.extract(ROOT_CONTEXT, headers, getter);
}

/** The traceparent (and tracestate) headers naming `span` as the parent. */
export function traceHeaders(span: Span): Record<string, string> {
  const carrier: Record<string, string> = {};
  if (trace.isSpanContextValid(span.spanContext())) propagator.inject(trace.setSpan(ROOT_CONTEXT, span), carrier, setter);
  return carrier;
}

export interface Tracing {
  /** Exports what is still buffered and stops. */
  close(): Promise<void>;
}

/**
 * Registers the gateway's tracer provider: spans exported over OTLP/HTTP to `otlpUrl`, or to `exporter` (tests:
 * an in-memory exporter, exported at once). Subgraphs hosted in the process use the same provider.
 */
export function createTracing(options: { otlpUrl?: string; exporter?: SpanExporter; serviceName?: string }): Tracing | undefined {
  const processor = options.exporter
    ? new SimpleSpanProcessor({ exporter: options.exporter })
    : options.otlpUrl
      ? new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: options.otlpUrl }) })
      : undefined;
  if (!processor) return undefined;
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName ?? 'negiz-gateway' }),
    spanProcessors: [processor],
  });
  trace.setGlobalTracerProvider(provider);
  return {
    async close() {
      await provider.shutdown();
      trace.disable();
    },
  };
}
