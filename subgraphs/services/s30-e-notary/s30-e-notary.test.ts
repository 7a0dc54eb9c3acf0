import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { registration } from '../s03-real-estate/index.ts';
import notary from './index.ts';

const world = defaultWorld();
type Act = { kind: string; role: string; subject: string; performedOn: string };
const actsOf = (iin: string) => (notary.mock.entities!.Person!(iin, world) as { notarialActs: Act[] } | null)?.notarialActs ?? [];

describe('s30 e-notary', () => {
  it('has the purchase and gift contracts behind the real estate registered since 2000 (service 3)', () => {
    let checked = 0;
    for (let i = 0; i < 2000; i++) {
      const p = world.personAt(i);
      for (const property of world.realEstateOf({ iin: p.iin })) {
        const basis = registration(property, world).acquisitionBasis;
        if (property.acquiredOn < '2000-02-01' || p.birthDate > '2008-01-01' || (basis !== 'PURCHASE' && basis !== 'GIFT')) continue;
        const act = actsOf(p.iin).find((a) => a.subject.includes(property.cadastralNumber));
        expect(act, `${property.cadastralNumber} acquired by ${basis}`).toMatchObject({ kind: basis === 'PURCHASE' ? 'SALE_CONTRACT' : 'GIFT_CONTRACT' });
        expect(act!.performedOn <= property.acquiredOn).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('issues inheritance certificates to the adult children of the deceased', () => {
    const adultAt = (birth: string, date: string) => `${Number(birth.slice(0, 4)) + 18}${birth.slice(4)}` <= date;
    const heirs = Array.from({ length: 2000 }, (_, i) => world.personAt(i)).filter((p) =>
      world.family(p.iin).parents.some((x) => {
        const died = world.person(x)?.deathDate;
        return died && died >= '2000-01-01' && died <= '2025-01-01' && adultAt(p.birthDate, died) && (!p.deathDate || p.deathDate > '2026-01-01');
      }),
    );
    expect(heirs.length).toBeGreaterThan(0);
    for (const p of heirs) expect(actsOf(p.iin).some((a) => a.kind === 'INHERITANCE_CERTIFICATE' && a.role === 'HEIR')).toBe(true);
  });
});
