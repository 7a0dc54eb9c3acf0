import { describe, expect, it } from 'vitest';
import { Refusal } from '@negiz/schema';
import { openRequest } from '../../src/pipeline/context.ts';
import { pipeline, STAGE_ORDER, type Stage } from '../../src/pipeline/stages.ts';
import { startHarness } from '../harness.ts';

const stand = (ran: string[], refuse?: string): Stage[] =>
  STAGE_ORDER.map((name) => ({
    name,
    run: () => {
      ran.push(name);
      if (name === refuse) throw new Refusal('BASIS_REQUIRED');
    },
  }));
const request = () => openRequest({ method: 'POST', headers: {}, operations: [{ query: '{ __typename }' }], batched: false });

describe('the pipeline', () => {
  it('runs its stages in the one order, each once, and traces them', async () => {
    const ran: string[] = [];
    const r = request();
    await pipeline(stand(ran)).run(r);
    expect(ran).toEqual([...STAGE_ORDER]);
    expect(r.trace.map((t) => t.stage)).toEqual([...STAGE_ORDER]);
    expect(r.trace.every((t) => t.ms >= 0 && t.at >= 0 && t.refused === undefined)).toBe(true);
    expect(r.refusal).toBeUndefined();
  });

  it('stops at the first refusal, which the context carries; no later stage runs', async () => {
    const ran: string[] = [];
    const r = request();
    await pipeline(stand(ran, 'basis')).run(r);
    expect(ran).toEqual(['authenticate', 'clients', 'basis']);
    expect(r.refusal?.code).toBe('BASIS_REQUIRED');
    expect(r.trace.at(-1)).toMatchObject({ stage: 'basis', refused: 'BASIS_REQUIRED' });
  });

  it('answers an unexpected failure as INTERNAL, without its message', async () => {
    const stages = stand([]);
    stages[3] = {
      name: 'policy',
      run: () => {
        throw new TypeError('secret 850301300012');
      },
    };
    const r = request();
    await pipeline(stages).run(r);
    expect(r.refusal?.code).toBe('INTERNAL');
    expect(JSON.stringify(r.refusal?.toJSON())).not.toContain('850301300012');
  });

  it('refuses to be built in another order, or with a stage missing', () => {
    const stages = stand([]);
    expect(() => pipeline([stages[1]!, stages[0]!, ...stages.slice(2)])).toThrow(/authenticate -> clients -> basis -> policy -> execute -> release/);
    expect(() => pipeline(stages.filter((s) => s.name !== 'clients'))).toThrow(/must run/);
  });

  it("is the gateway server's pipeline", async () => {
    const h = await startHarness();
    try {
      expect(h.pipeline.stages.map((s) => s.name)).toEqual([...STAGE_ORDER]);
    } finally {
      await h.close();
    }
  });
});
