/**
 * The request pipeline: one ordered list of stages, each a plain function over the request context. A stage
 * either fills in its part of the context or throws the Refusal of the whole request; the runner records each
 * stage's timing in the context's trace and stops at the first refusal. Nothing runs that is not in the list.
 */
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { Refusal } from '@negiz/schema';
import type { Logger } from 'pino';
import { gatewayTracer, incomingTrace } from '../tracing.ts';
import type { RequestContext, StageName } from './context.ts';

export interface Stage {
  name: Exclude<StageName, 'door'>;
  run(request: RequestContext): void | Promise<void>;
}

/** The order of the stages; a pipeline with another order is a configuration error. */
export const STAGE_ORDER = ['authenticate', 'clients', 'basis', 'policy', 'execute', 'release'] as const satisfies ReadonlyArray<Stage['name']>;

export interface Pipeline {
  readonly stages: readonly Stage[];
  run(request: RequestContext): Promise<void>;
}

const INTERNAL = new Refusal('INTERNAL', 'The gateway could not process the request');

export function pipeline(stages: readonly Stage[], logger?: Logger): Pipeline {
  const names = stages.map((s) => s.name).join(' -> ');
  if (names !== STAGE_ORDER.join(' -> ')) throw new Error(`the pipeline must run ${STAGE_ORDER.join(' -> ')}, not ${names}`);
  return {
    stages,
    async run(request) {
      // One span per request (continuing the caller's traceparent, if any) and one per stage: names and codes only.
      const tracer = gatewayTracer();
      const incoming = incomingTrace(request.headers);
      const root = tracer.startSpan('negiz.request', { attributes: { 'negiz.operations': request.operations.length } }, incoming);
      const parent = trace.setSpan(incoming, root);
      request.traceContext = parent;
      try {
        for (const stage of stages) {
          const started = performance.now();
          const span = tracer.startSpan(`negiz.${stage.name}`, { attributes: { 'negiz.stage': stage.name } }, parent);
          try {
            await stage.run(request);
          } catch (error) {
            const refusal = error instanceof Refusal ? error : INTERNAL;
            // The name only: a message may quote the request.
            if (refusal === INTERNAL) logger?.error({ stage: stage.name, err: (error as Error)?.name }, 'stage failure');
            request.refusal = refusal;
            request.trace.push({ stage: stage.name, at: started - request.startedAt, ms: performance.now() - started, refused: refusal.code });
            span.setAttribute('negiz.refusal', refusal.code);
            span.setStatus({ code: SpanStatusCode.ERROR, message: refusal.code });
            root.setAttribute('negiz.refusal', refusal.code);
            return;
          } finally {
            span.end();
          }
          request.trace.push({ stage: stage.name, at: started - request.startedAt, ms: performance.now() - started });
        }
      } finally {
        root.end();
      }
    },
  };
}
