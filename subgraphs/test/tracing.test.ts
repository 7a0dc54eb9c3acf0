/** A subgraph continues the gateway's trace over HTTP: its span is the child of the traceparent it was sent. */
import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { GATEWAY_CONTEXT_HEADER } from '@negiz/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubgraphHost } from '../src/host.ts';
import { subgraphSpan } from '../src/tracing.ts';
import { fixtureHost, token } from './fixtures/host.ts';

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
let host: SubgraphHost;
beforeAll(async () => {
  trace.setGlobalTracerProvider(provider);
  host = await fixtureHost();
});
afterAll(async () => {
  await host?.close();
  await provider.shutdown();
  trace.disable();
});

describe('subgraph spans', () => {
  it("continue the gateway's traceparent over HTTP, naming the service and nothing of the request", async () => {
    exporter.reset();
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const response = await host.app.inject({
      method: 'POST',
      url: '/s05-vehicles/graphql',
      headers: { traceparent, [GATEWAY_CONTEXT_HEADER]: await token('s05-vehicles') },
      payload: { query: '{ vehicle(vin: "XTA21099000000001") { plate } }' },
    });
    expect(response.statusCode).toBe(200);
    const [span] = exporter.getFinishedSpans().filter((s) => s.name === 'subgraph s05-vehicles');
    expect(span?.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(span?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(span?.attributes).toEqual({ 'negiz.service': 's05-vehicles' });
  });

  it('start a trace of their own without a valid traceparent', () => {
    const span = subgraphSpan('s05-vehicles', 'not-a-traceparent');
    expect(trace.isSpanContextValid(span.spanContext())).toBe(true);
    expect((span as unknown as { parentSpanContext?: unknown }).parentSpanContext).toBeUndefined();
    span.end();
  });
});
