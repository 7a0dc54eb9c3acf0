import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { employmentContracts } from './index.ts';

const world = defaultWorld();
const persons = Array.from({ length: 1500 }, (_, i) => world.personAt(i));

describe('s14 labour market: employment contracts', () => {
  it('gives every director a contract in force with their company', () => {
    const directors = persons.filter((p) => world.companiesOf(p.iin).some((c) => c.role === 'DIRECTOR'));
    expect(directors.length).toBeGreaterThan(0);
    for (const p of directors) {
      const bin = world.companiesOf(p.iin).find((c) => c.role === 'DIRECTOR')!.bin;
      const current = employmentContracts(p.iin, world).filter((c) => c.endedOn === null);
      if (world.legalEntity(bin)!.registeredOn <= '2026-11-01' && !p.deathDate) expect(current.map((c) => c.employerBin)).toContain(bin);
    }
  });

  it("keeps one job at a time, after 18 and after the employer's registration", () => {
    for (const p of persons) {
      const contracts = employmentContracts(p.iin, world);
      contracts.forEach((c, i) => {
        expect(c.startedOn >= p.birthDate.replace(/^\d{4}/, (y) => String(Number(y) + 18))).toBe(true);
        expect(c.startedOn >= world.legalEntity(c.employerBin)!.registeredOn).toBe(true);
        if (c.endedOn) expect(c.endedOn >= c.startedOn && c.terminationGround !== null).toBe(true);
        const next = contracts[i + 1];
        if (next) expect(c.endedOn !== null && c.endedOn < next.startedOn).toBe(true);
      });
    }
  });
});
