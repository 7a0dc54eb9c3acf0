import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { IsoDate, Random } from './model.ts';

/**
 * 128-bit hash of the keys (cyrb128): fast and well mixed, enough to seed independent streams. A separator
 * keeps ('ab','c') and ('a','bc') apart.
 */
export function hash128(keys: ReadonlyArray<string | number>): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  const step = (k: number): void => {
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  };
  for (const key of keys) {
    if (typeof key === 'number') {
      // Numbers are mixed as two 32-bit words behind a marker no string character produces.
      step(0x1_0000);
      step(key >>> 0);
      step(Math.floor(key / 0x1_0000_0000) >>> 0);
    } else {
      for (let i = 0; i < key.length; i++) step(key.charCodeAt(i));
    }
    step(0x1f);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 | 0, h2 | 0, h3 | 0, h4 | 0];
}

/** A 32-bit unsigned hash of the keys, for choices that need one number and no stream. */
export function hash32(...keys: Array<string | number>): number {
  return hash128(keys)[0] >>> 0;
}

const DAY_MS = 86_400_000;

export function isoToDay(date: IsoDate): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Day number (days since 1970-01-01) to ISO date, by the civil-from-days algorithm: no Date object per call. */
export function dayToIso(day: number): IsoDate {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** A deterministic stream for `keys` under `seed`: the same arguments always give the same sequence. */
export function rng(seed: string, ...keys: Array<string | number>): Random {
  const state = hash128([seed, ...keys]);
  // xoroshiro must not start from the all-zero state.
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  const generator = xoroshiro128plusFromState(state);
  const random: Random = {
    next: () => (generator.next() >>> 0) / 0x1_0000_0000,
    int: (min, max) => uniformInt(generator, min, max),
    pick: (items) => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[uniformInt(generator, 0, items.length - 1)]!;
    },
    chance: (probability) => (generator.next() >>> 0) / 0x1_0000_0000 < probability,
    date: (from, to) => dayToIso(uniformInt(generator, isoToDay(from), isoToDay(to))),
    digits: (length) => {
      let out = '';
      for (let i = 0; i < length; i++) out += String(uniformInt(generator, 0, 9));
      return out;
    },
  };
  return random;
}

/** Picks by weight: `weighted(r, [['a', 3], ['b', 1]])` gives 'a' three times as often as 'b'. */
export function weighted<T>(random: Random, options: ReadonlyArray<readonly [T, number]>): T {
  let total = 0;
  for (const [, weight] of options) total += weight;
  let x = random.next() * total;
  for (const [value, weight] of options) {
    x -= weight;
    if (x < 0) return value;
  }
  return options[options.length - 1]![0];
}
