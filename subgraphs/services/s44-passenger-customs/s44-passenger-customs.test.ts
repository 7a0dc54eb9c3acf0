import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { probeService } from '../_shared/service-probe.ts';
import citizens from '../s33-border-citizens/index.ts';
import foreigners from '../s34-border-foreigners/index.ts';
import service from './index.ts';

const world = defaultWorld();
const persons = Array.from({ length: 1500 }, (_, i) => world.personAt(i));
const iins = persons.map((p) => p.iin);
type Crossing = { crossedAt: string; checkpoint: string; direction: string };

describe('s44 passenger customs declarations and the border services 33, 34', { timeout: 20_000 }, () => {
  it('record citizens in service 33 and foreigners in service 34, never the other way round', async () => {
    const own = await probeService(citizens, world).entities<{ borderCrossings: Crossing[] }>('Person', iins, 'borderCrossings { crossedAt }');
    const foreign = await probeService(foreigners, world).entities<{ foreignerBorderCrossings: Crossing[] }>(
      'Person',
      iins,
      'foreignerBorderCrossings { crossedAt }',
    );
    persons.forEach((p, i) => {
      if (p.citizenship === 'KAZ') expect(foreign[i]!.foreignerBorderCrossings).toEqual([]);
      else expect(own[i]!.borderCrossings).toEqual([]);
    });
    expect(own.filter((x) => x.borderCrossings.length).length / persons.length).toBeGreaterThan(0.1);
  });

  it('file each declaration at a border crossing the Border Service recorded (same moment and checkpoint)', async () => {
    const declarations = await probeService(service, world).entities<{
      passengerCustomsDeclarations: Array<{ filedAt: string; customsPost: string; direction: string }>;
    }>('Person', iins, 'passengerCustomsDeclarations { filedAt customsPost direction }');
    const own = await probeService(citizens, world).entities<{ borderCrossings: Crossing[] }>(
      'Person',
      iins,
      'borderCrossings { crossedAt checkpoint direction }',
    );
    const foreign = await probeService(foreigners, world).entities<{ foreignerBorderCrossings: Crossing[] }>(
      'Person',
      iins,
      'foreignerBorderCrossings { crossedAt checkpoint direction }',
    );
    let declared = 0;
    persons.forEach((p, i) => {
      const crossings = p.citizenship === 'KAZ' ? own[i]!.borderCrossings : foreign[i]!.foreignerBorderCrossings;
      const list = declarations[i]!.passengerCustomsDeclarations;
      if (list.length) declared++;
      for (const d of list) {
        const crossing = crossings.find((c) => c.crossedAt === d.filedAt && c.checkpoint === d.customsPost);
        expect(crossing, `${d.filedAt} at ${d.customsPost}`).toBeDefined();
        expect(d.direction).toBe(crossing!.direction === 'EXIT' ? 'EXPORT' : 'IMPORT');
      }
    });
    expect(declared).toBeGreaterThan(30);
  });
});
