import { describe, expect, it } from 'vitest';
import { dayToIso, isoToDay, rng } from '../src/random.ts';
import { permutation } from '../src/permutation.ts';

const draw = (seed: string, ...keys: Array<string | number>) => {
  const r = rng(seed, ...keys);
  return [r.next(), r.int(1, 6), r.pick(['a', 'b', 'c']), r.chance(0.5), r.date('2000-01-01', '2020-12-31'), r.digits(8)];
};

describe('rng', () => {
  it('gives the same sequence for the same seed and keys', () => {
    expect(draw('negiz', 's33', '900101300017')).toEqual(draw('negiz', 's33', '900101300017'));
  });

  it('gives different sequences for another seed, another key, or keys split differently', () => {
    const base = JSON.stringify(draw('negiz', 'ab', 'c'));
    expect(JSON.stringify(draw('other', 'ab', 'c'))).not.toBe(base);
    expect(JSON.stringify(draw('negiz', 'a', 'bc'))).not.toBe(base);
    expect(JSON.stringify(draw('negiz', 1))).not.toBe(JSON.stringify(draw('negiz', '1')));
  });

  it('keeps values in range', () => {
    const r = rng('negiz', 'range');
    for (let i = 0; i < 300; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = r.int(-3, 3);
      expect(n >= -3 && n <= 3).toBe(true);
      const d = r.date('2024-02-28', '2024-03-01');
      expect(['2024-02-28', '2024-02-29', '2024-03-01']).toContain(d);
      expect(r.digits(5)).toMatch(/^\d{5}$/);
    }
    expect(() => r.pick([])).toThrow(RangeError);
  });

  it('converts day numbers and ISO dates both ways', () => {
    for (let day = -40_000; day < 40_000; day += 7) expect(isoToDay(dayToIso(day))).toBe(day);
    expect(dayToIso(0)).toBe('1970-01-01');
    expect(dayToIso(isoToDay('2000-02-29'))).toBe('2000-02-29');
  });
});

describe('permutation', () => {
  it('is a bijection with its inverse, for odd and even bit widths', () => {
    for (const size of [2, 3, 7, 1000, 66_476]) {
      const p = permutation(size, 'test', size);
      const seen = new Uint8Array(size);
      let broken = 0;
      for (let x = 0; x < size; x++) {
        const y = p.forward(x);
        if (!(y >= 0 && y < size) || seen[y] || p.backward(y) !== x) broken++;
        else seen[y] = 1;
      }
      expect(broken).toBe(0);
    }
  });
});
