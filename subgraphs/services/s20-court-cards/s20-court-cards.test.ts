import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import courtCardsService, { courtCards } from './index.ts';
import specialRecords from '../s16-special-records/index.ts';
import crimeStatistics from '../s17-crime-statistics/index.ts';
import courtCases from '../s19-court-cases/index.ts';

const world = defaultWorld();
const convicted = Array.from({ length: 4000 }, (_, i) => world.personAt(i).iin).filter((iin) => courtCards(iin, world).length > 0);
const part = <T>(service: { mock: { entities?: { Person?: (iin: string, w: typeof world) => unknown } } }, iin: string) =>
  service.mock.entities!.Person!(iin, world) as T;

describe('s20 court cards and the registers that agree with them (16, 17, 19)', () => {
  it('holds cards for a small share of persons, dated between the offence and today', () => {
    expect(convicted.length).toBeGreaterThan(20);
    expect(convicted.length).toBeLessThan(400);
    for (const iin of convicted) {
      const birth = world.person(iin)!.birthDate;
      for (const card of courtCards(iin, world)) {
        expect(card.offenceCommittedOn > birth && card.offenceCommittedOn < card.verdictOn && card.verdictOn < card.enteredIntoForceOn).toBe(true);
        expect(card.enteredIntoForceOn <= '2026-11-01').toBe(true);
        expect(card.pretrialRegisterNumber).toMatch(/^\d{15}$/);
      }
    }
  });

  it('gives every conviction a criminal record in the special records (service 16)', () => {
    for (const iin of convicted) {
      const convictions = courtCards(iin, world).filter((c) => c.outcome === 'CONVICTED');
      const records = part<{ specialRecords: Array<{ kind: string; registeredOn: string }> } | null>(specialRecords, iin)?.specialRecords ?? [];
      expect(
        records
          .filter((r) => r.kind === 'CRIMINAL_RECORD')
          .map((r) => r.registeredOn)
          .sort(),
      ).toEqual(convictions.map((c) => c.enteredIntoForceOn).sort());
    }
  });

  it("counts every card's case in the statistics (17) and in the courts' cases (19)", () => {
    for (const iin of convicted) {
      const numbers = courtCards(iin, world).map((c) => c.pretrialRegisterNumber);
      const entries = part<{ crimeStatisticsEntries: Array<{ pretrialRegisterNumber: string; procedureRole: string }> }>(
        crimeStatistics,
        iin,
      ).crimeStatisticsEntries;
      expect(
        entries
          .filter((e) => e.procedureRole === 'ACCUSED')
          .map((e) => e.pretrialRegisterNumber)
          .sort(),
      ).toEqual([...numbers].sort());
      const cases = part<{ courtCases: Array<{ category: string }> }>(courtCases, iin).courtCases;
      expect(cases.filter((c) => c.category === 'CRIMINAL')).toHaveLength(numbers.length);
    }
  });

  it('is deterministic', () => {
    const iin = convicted[0]!;
    expect(courtCardsService.mock.entities!.Person!(iin, world)).toEqual(courtCardsService.mock.entities!.Person!(iin, world));
  });
});
