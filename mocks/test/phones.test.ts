import { describe, expect, it } from 'vitest';
import { mobileLineOf, mobileNumber, otherMobileNumbers } from '../src/phones.ts';
import { createWorld } from '../src/world.ts';

const world = createWorld();
const SAMPLE = Array.from({ length: 1500 }, (_, i) => i * 6 + (i % 6));

/** The usual ways a number is written: as the world prints it, with 8, with 7, national. */
function writings(phone: string): string[] {
  const national = phone.replace(/\D/g, '').slice(1);
  return [phone, `8${national}`, `7${national}`, `+7 (${national.slice(0, 3)}) ${national.slice(3)}`, national];
}

describe('personByPhone', () => {
  it('finds every sampled person again from their mobile number, in any usual writing', () => {
    let phones = 0;
    const seen = new Set<string>();
    for (const i of SAMPLE) {
      const p = world.personAt(i);
      if (!p.mobilePhone) continue;
      phones++;
      seen.add(p.mobilePhone);
      expect(p.mobilePhone).toMatch(/^\+7 7\d\d \d{3} \d\d \d\d$/);
      for (const written of writings(p.mobilePhone)) expect(world.personByPhone(written)?.iin, written).toBe(p.iin);
    }
    expect(phones / SAMPLE.length).toBeGreaterThan(0.6);
    expect(seen.size).toBe(phones);
  });

  it("finds the person from their other numbers too, which are nobody else's", () => {
    let others = 0;
    for (const i of SAMPLE) {
      const p = world.personAt(i);
      for (const n of otherMobileNumbers(world, p.iin)) {
        others++;
        expect(n).not.toBe(p.mobilePhone);
        expect(world.personByPhone(n)?.iin).toBe(p.iin);
      }
    }
    expect(others).toBeGreaterThan(SAMPLE.length / 2);
  });

  it('answers undefined for numbers nobody has and for what is not a Kazakh mobile number', () => {
    const withoutPhone = SAMPLE.map((i) => world.personAt(i)).find((p) => !p.mobilePhone)!;
    const unused = mobileNumber(world.seed, world.personIndex(withoutPhone.iin)!, 0);
    expect(world.personByPhone(unused)).toBeUndefined();
    // Index 10,000 is outside this 10,000-person world, though its number is well formed.
    expect(world.personByPhone(mobileNumber(world.seed, 10_000, 0))).toBeUndefined();
    let nobody = 0;
    for (let k = 0; k < 200; k++) if (!world.personByPhone(`+7 701 ${String(k * 4999).padStart(7, '0')}`)) nobody++;
    expect(nobody).toBeGreaterThan(190);
    for (const bad of ['', 'not a phone', '+7 000 000 00 00', '+7 727 250 00 00', '+1 701 234 56 78', '870123456789']) {
      expect(world.personByPhone(bad), bad).toBeUndefined();
    }
  });

  it('decodes without scanning: a 1,000,000-person world round-trips sampled numbers', () => {
    const big = createWorld({ persons: 1_000_000, legalEntities: 200_000 });
    let phones = 0;
    const started = performance.now();
    for (let k = 0; k < 2000; k++) {
      const p = big.personAt((k * 499_979) % 1_000_000);
      if (!p.mobilePhone) continue;
      phones++;
      expect(big.personByPhone(p.mobilePhone)?.iin).toBe(p.iin);
      expect(big.personByPhone(`8${p.mobilePhone.replace(/\D/g, '').slice(1)}`)?.iin).toBe(p.iin);
    }
    expect(phones).toBeGreaterThan(1200);
    // A scan of a million persons would take minutes; decoding takes microseconds per number.
    expect(performance.now() - started).toBeLessThan(20_000);
    // The same index holds the same number whatever the size of the world.
    expect(big.personAt(42).mobilePhone).toBe(world.personAt(42).mobilePhone);
  });

  it('is a bijection between (person, line) and numbers for a seed', () => {
    for (const i of [0, 1, 2, 9999, 999_999, 2_000_000]) {
      for (const line of [0, 1, 2]) expect(mobileLineOf('negiz', mobileNumber('negiz', i, line))).toEqual({ index: i, line });
    }
    expect(mobileNumber('another', 7, 0)).not.toBe(mobileNumber('negiz', 7, 0));
  });
});
