import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import enforcement from './index.ts';

const world = defaultWorld();
type Proceeding = { status: string; openedOn: string; closedOn: string | null; amountKzt: number; outstandingKzt: number };
const proceedingsOf = (iin: string) =>
  (enforcement.mock.entities!.Person!(iin, world) as { enforcementProceedings: Proceeding[] } | null)?.enforcementProceedings ?? [];

describe('s18 enforcement proceedings', () => {
  it('has open proceedings against every adult whose vehicle or real estate is arrested (services 58, 61)', () => {
    const debtors = Array.from({ length: 2000 }, (_, i) => world.personAt(i)).filter(
      (p) =>
        p.birthDate <= '2008-11-01' && (world.vehiclesOf({ iin: p.iin }).some((v) => v.arrested) || world.realEstateOf({ iin: p.iin }).some((r) => r.arrested)),
    );
    expect(debtors.length).toBeGreaterThan(0);
    for (const p of debtors) expect(proceedingsOf(p.iin).some((x) => x.status === 'OPEN' || x.status === 'SUSPENDED')).toBe(true);
  });

  it('closes only proceedings it opened, and owes nothing once completed', () => {
    for (let i = 0; i < 1500; i++) {
      for (const x of proceedingsOf(world.personAt(i).iin)) {
        if (x.closedOn) expect(x.closedOn > x.openedOn && x.closedOn <= '2026-11-01').toBe(true);
        if (x.status === 'COMPLETED') expect(x.outstandingKzt).toBe(0);
        expect(x.outstandingKzt).toBeLessThanOrEqual(x.amountKzt);
      }
    }
  });
});
