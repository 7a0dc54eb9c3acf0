/**
 * The request pipeline: one ordered list of stages, each a plain function over the request context. A stage
 * either fills in its part of the context or throws the Refusal of the whole request; the runner records each
 * stage's timing in the context's trace and stops at the first refusal. Nothing runs that is not in the list.
 */
import { Refusal } from '@negiz/schema';
import type { Logger } from 'pino';
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
      for (const stage of stages) {
        const started = performance.now();
        try {
          await stage.run(request);
        } catch (error) {
          const refusal = error instanceof Refusal ? error : INTERNAL;
          // The name only: a message may quote the request.
          if (refusal === INTERNAL) logger?.error({ stage: stage.name, err: (error as Error)?.name }, 'stage failure');
          request.refusal = refusal;
          request.trace.push({ stage: stage.name, at: started - request.startedAt, ms: performance.now() - started, refused: refusal.code });
          return;
        }
        request.trace.push({ stage: stage.name, at: started - request.startedAt, ms: performance.now() - started });
      }
    },
  };
}
