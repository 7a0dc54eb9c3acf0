import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { probeService } from '../_shared/service-probe.ts';
import service from './index.ts';

const world = defaultWorld();
type Act = {
  kind: string;
  actNumber: string;
  eventDate: string;
  registeredOn: string;
  subjectRole: string;
  parties: Array<{ role: string; person: { iin: string } | null }>;
};
const SELECTION = 'civilStatusActs { kind actNumber eventDate registeredOn subjectRole parties { role person { iin } } }';

async function actsOf(iins: string[]): Promise<Act[][]> {
  const answers = await probeService(service, world).entities<{ civilStatusActs: Act[] }>('Person', iins, SELECTION);
  return answers.map((a) => a.civilStatusActs);
}

describe('s32 civil status acts', { timeout: 20_000 }, () => {
  it("record the world's marriages identically for both spouses", async () => {
    const couples = Array.from({ length: 1500 }, (_, i) => world.personAt(i))
      .map((p) => [p.iin, world.family(p.iin).spouse] as const)
      .filter((c): c is readonly [string, string] => !!c[1] && c[0] < c[1]);
    const own = await actsOf(couples.map((c) => c[0]));
    const partner = await actsOf(couples.map((c) => c[1]));
    let married = 0;
    couples.forEach(([a, b], i) => {
      const marriage = own[i]!.find((x) => x.kind === 'MARRIAGE');
      const mirrored = partner[i]!.find((x) => x.kind === 'MARRIAGE');
      expect(mirrored).toEqual(marriage);
      if (!marriage) return;
      married++;
      expect(marriage.parties.map((p) => p.person?.iin).sort()).toEqual([a, b].sort());
      expect(marriage.subjectRole).toBe('SPOUSE');
    });
    expect(married).toBeGreaterThan(couples.length / 4);
  });

  it("show a child's birth act, naming its parents, in the child's and each parent's records", async () => {
    const children = Array.from({ length: 1500 }, (_, i) => world.personAt(i)).filter(
      (p) => p.birthDate >= '2000-01-01' && world.family(p.iin).parents.length > 0,
    );
    expect(children.length).toBeGreaterThan(10);
    const own = await actsOf(children.map((c) => c.iin));
    const parents = children.map((c) => world.family(c.iin).parents);
    const parentActs = await actsOf(parents.flat());
    let next = 0;
    for (const [i, child] of children.entries()) {
      const birth = own[i]!.find((x) => x.kind === 'BIRTH' && x.subjectRole === 'CHILD');
      expect(birth?.eventDate).toBe(child.birthDate);
      expect(
        birth!.parties
          .filter((p) => p.role !== 'CHILD')
          .map((p) => p.person?.iin)
          .sort(),
      ).toEqual([...parents[i]!].sort());
      for (const _ of parents[i]!) {
        const same = parentActs[next++]!.find((x) => x.kind === 'BIRTH' && x.actNumber === birth!.actNumber && x.eventDate === child.birthDate);
        expect(same?.subjectRole).toMatch(/MOTHER|FATHER/);
      }
    }
  });

  it('list acts newest first, none registered before the event or after the register end', async () => {
    const all = await actsOf(Array.from({ length: 500 }, (_, i) => world.personAt(i).iin));
    for (const acts of all) {
      const dates = acts.map((a) => a.registeredOn);
      expect(dates).toEqual([...dates].sort().reverse());
      for (const a of acts) {
        expect(a.registeredOn >= a.eventDate).toBe(true);
        expect(a.registeredOn <= '2026-11-01').toBe(true);
      }
    }
  });
});
