/**
 * Traces: one span per request, per pipeline stage and per subgraph call, all of one trace; each subgraph receives
 * a valid W3C traceparent naming its call's span and continues the trace; no attribute holds personal data.
 */
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STAGE_ORDER } from '../src/pipeline/stages.ts';
import { createTracing, type Tracing } from '../src/tracing.ts';
import { IIN, post, startHarness, type Harness } from './harness.ts';

const LOGIN = 'investigator.tracing';
const CASE = { type: 'CRIMINAL', number: '241500031000123' };
const QUERY = `{ person(iin: "${IIN}") { lastName stateEmployeeRecord { position } pensionContributionsTotal } }`;
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let h: Harness;
beforeAll(async () => {
  tracing = createTracing({ exporter })!;
  h = await startHarness({ users: [{ login: LOGIN, status: 'ACTIVE', role: 3 }] });
  h.cases.cases.set(`CRIMINAL:${CASE.number}`, { type: 'CRIMINAL', number: CASE.number, status: 'OPEN', assignees: [LOGIN], articles: ['190'] });
});
afterAll(async () => {
  await h?.close();
  await tracing?.close();
});
beforeEach(() => {
  exporter.reset();
  h.calls.length = 0;
});

const named = (spans: ReadableSpan[], name: string) => spans.filter((s) => s.name === name);

describe('traces', () => {
  it('one span per stage and per subgraph call, one trace id, traceparent sent and continued, no personal data', async () => {
    const token = await h.token({ login: LOGIN });
    const r = await post(h, { query: QUERY, extensions: { basis: CASE } }, { authorization: `Bearer ${token}` });
    expect(r.status).toBe(200);
    const spans = exporter.getFinishedSpans();
    const [root] = named(spans, 'negiz.request');
    expect(root).toBeDefined();
    const traceId = root!.spanContext().traceId;
    for (const stage of STAGE_ORDER) {
      const [span, ...more] = named(spans, `negiz.${stage}`);
      expect(more, stage).toHaveLength(0);
      expect(span!.spanContext().traceId).toBe(traceId);
      expect(span!.parentSpanContext?.spanId).toBe(root!.spanContext().spanId);
    }
    // Every subgraph call: the gateway's span, the traceparent it sent, the subgraph's span under it.
    expect(h.calls.length).toBeGreaterThanOrEqual(2);
    const calls = spans.filter((s) => s.name.startsWith('negiz.subgraph '));
    expect(calls).toHaveLength(h.calls.length);
    for (const call of h.calls) {
      const [, sentTrace, sentParent] = TRACEPARENT.exec(call.headers.traceparent ?? '') ?? [];
      expect(sentTrace, call.service).toBe(traceId);
      const span = calls.find((s) => s.spanContext().spanId === sentParent);
      expect(span?.attributes['negiz.service']).toBe(call.service);
      const continued = spans.find((s) => s.name === `subgraph ${call.service}` && s.parentSpanContext?.spanId === sentParent);
      expect(continued?.spanContext().traceId, call.service).toBe(traceId);
    }
    const visible = JSON.stringify(spans.map((s) => ({ name: s.name, attributes: s.attributes, events: s.events, status: s.status })));
    for (const secret of [IIN, LOGIN, CASE.number, token, 'Last012']) expect(visible).not.toContain(secret);
  });

  it("continues the caller's trace and marks a refusal with its code", async () => {
    const caller = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const r = await post(h, { query: QUERY, extensions: { basis: CASE } }, { traceparent: caller });
    expect(r.status).toBe(401);
    const spans = exporter.getFinishedSpans();
    const [root] = named(spans, 'negiz.request');
    expect(root!.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(root!.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(root!.attributes['negiz.refusal']).toBe('UNAUTHENTICATED');
    expect(named(spans, 'negiz.authenticate')[0]!.status.message).toBe('UNAUTHENTICATED');
    expect(named(spans, 'negiz.clients')).toHaveLength(0);
  });
});
