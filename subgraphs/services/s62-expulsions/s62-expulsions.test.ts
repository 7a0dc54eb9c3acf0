import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { probeService } from '../_shared/service-probe.ts';
import border from '../s34-border-foreigners/index.ts';
import violations from '../s57-foreign-worker-violations/index.ts';
import service from './index.ts';

const world = defaultWorld();
const iins = Array.from({ length: world.personCount }, (_, i) => world.personAt(i))
  .filter((p) => p.citizenship !== 'KAZ')
  .map((p) => p.iin);

describe('s62 expulsions and the violations of foreign workers (s57)', { timeout: 20_000 }, () => {
  it('expel only foreigners, each on a violation s57 recorded, a court expulsion exactly when s57 says so', async () => {
    const cases = await probeService(service, world).entities<{
      expulsionCases: Array<{
        kind: string;
        offenceProtocolNumber: string;
        decidedOn: string;
        deadlineToLeave: string;
        status: string;
        executedOn: string | null;
      }>;
    }>('Person', iins, 'expulsionCases { kind offenceProtocolNumber decidedOn deadlineToLeave status executedOn }');
    const recorded = await probeService(violations, world).entities<{
      foreignWorkerViolations: Array<{ protocolNumber: string; decision: string; decidedOn: string }>;
    }>('Person', iins, 'foreignWorkerViolations { protocolNumber decision decidedOn }');
    let expelled = 0;
    iins.forEach((_, i) => {
      const list = cases[i]!.expulsionCases;
      if (list.length) expelled++;
      const courtOrdered = recorded[i]!.foreignWorkerViolations.filter((v) => v.decision === 'FINE_AND_EXPULSION').map((v) => v.protocolNumber);
      expect(
        list
          .filter((c) => c.kind === 'ADMINISTRATIVE_EXPULSION')
          .map((c) => c.offenceProtocolNumber)
          .sort(),
      ).toEqual(courtOrdered.sort());
      for (const c of list) {
        const violation = recorded[i]!.foreignWorkerViolations.find((v) => v.protocolNumber === c.offenceProtocolNumber);
        expect(violation?.decidedOn).toBe(c.decidedOn);
        expect(c.deadlineToLeave > c.decidedOn).toBe(true);
        expect(c.status === 'EXECUTED').toBe(c.executedOn !== null);
      }
    });
    expect(expelled).toBeGreaterThan(0);
  });

  it('show each executed expulsion in the border crossings (s34): the departure, and no entry during the ban', async () => {
    const cases = await probeService(service, world).entities<{
      expulsionCases: Array<{ executedOn: string | null; exitCheckpoint: string | null; entryBanUntil: string }>;
    }>('Person', iins, 'expulsionCases { executedOn exitCheckpoint entryBanUntil }');
    const crossings = await probeService(border, world).entities<{
      foreignerBorderCrossings: Array<{ crossedAt: string; direction: string; checkpoint: string }>;
    }>('Person', iins, 'foreignerBorderCrossings { crossedAt direction checkpoint }');
    let executed = 0;
    iins.forEach((_, i) => {
      for (const c of cases[i]!.expulsionCases) {
        if (!c.executedOn) continue;
        executed++;
        const list = crossings[i]!.foreignerBorderCrossings;
        expect(list.some((x) => x.direction === 'EXIT' && x.crossedAt.startsWith(c.executedOn!) && x.checkpoint === c.exitCheckpoint)).toBe(true);
        expect(list.filter((x) => x.direction === 'ENTRY' && x.crossedAt > c.executedOn! && x.crossedAt < c.entryBanUntil)).toEqual([]);
      }
    });
    expect(executed).toBeGreaterThan(0);
  });

  it('hold nothing on citizens of Kazakhstan', async () => {
    const citizen = Array.from({ length: 50 }, (_, i) => world.personAt(i)).find((p) => p.citizenship === 'KAZ')!;
    const [answer] = await probeService(service, world).entities('Person', [citizen.iin], 'expulsionCases { caseNumber }');
    expect(answer).toEqual({ expulsionCases: [] });
  });
});
