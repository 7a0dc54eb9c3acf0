import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { violations } from '../s21-traffic-violations/index.ts';
import licences from './index.ts';

const world = defaultWorld();
type Licence = { categories: string[]; status: string; issuedOn: string; validUntil: string; deprivedUntil: string | null };
const licencesOf = (iin: string) => (licences.mock.entities!.Person!(iin, world) as { drivingLicences: Licence[] } | null)?.drivingLicences ?? [];
const persons = Array.from({ length: 2000 }, (_, i) => world.personAt(i));

describe('s29 driving licences', () => {
  it('licenses every adult vehicle owner for the categories of their vehicles', () => {
    for (const p of persons.filter((x) => x.birthDate <= '2008-11-01')) {
      const categories = world.vehiclesOf({ iin: p.iin }).map((v) => v.category);
      if (!categories.length) continue;
      const newest = licencesOf(p.iin)[0];
      expect(newest).toBeDefined();
      for (const c of categories) expect(newest!.categories).toContain(c);
    }
  });

  it('deprives drivers convicted of drunk driving (service 21) for seven years', () => {
    const drunk = persons.filter((p) =>
      violations(p.iin, world)?.trafficViolations.some((v) => v.penalty === 'LICENCE_DEPRIVATION' && v.decisionOn > '2020-01-01'),
    );
    expect(drunk.length).toBeGreaterThan(0);
    for (const p of drunk) {
      const decision = violations(p.iin, world)!.trafficViolations.find((v) => v.penalty === 'LICENCE_DEPRIVATION')!.decisionOn;
      const deprived = licencesOf(p.iin).find((l) => l.deprivedUntil);
      if (!deprived) continue; // the violation predates the first licence
      expect(deprived.deprivedUntil!.slice(0, 4)).toBe(String(Number(decision.slice(0, 4)) + 7));
      expect(deprived.status).toBe('DEPRIVED');
    }
  });

  it('keeps at most one licence valid, renewed every ten years', () => {
    for (const p of persons.slice(0, 1000)) {
      const rows = licencesOf(p.iin);
      expect(rows.filter((l) => l.status === 'VALID').length).toBeLessThanOrEqual(1);
      for (const l of rows) expect(Number(l.validUntil.slice(0, 4)) - Number(l.issuedOn.slice(0, 4))).toBe(10);
    }
  });
});
