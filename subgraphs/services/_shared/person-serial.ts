import type { World } from '@negiz/mocks/model.ts';

/**
 * Record numbers that carry their holder: a 7-digit serial that is the person's position in the population,
 * scrambled by an invertible affine map (so consecutive persons do not get consecutive numbers). A root lookup by
 * such a number (an air ticket, a travel document) then finds the holder in O(1), even in a world of millions.
 */
const MODULUS = 10_000_000;
const MULTIPLIER = 7_919; // coprime with 10, so the map is a bijection on 0..MODULUS-1
const OFFSET = 4_826_351;

function inverseOf(a: number, m: number): number {
  let [oldR, r, oldS, s] = [a, m, 1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}
const INVERSE = inverseOf(MULTIPLIER, MODULUS);

const scanned = new WeakMap<World, Map<string, number>>();

/** The world's index of a person: the world's own inverse when it has one, else one scan kept per world. */
function indexOf(world: World, iin: string): number | undefined {
  if (world.personIndex) return world.personIndex(iin);
  let byIin = scanned.get(world);
  if (!byIin) {
    byIin = new Map();
    for (let i = 0; i < world.personCount; i++) byIin.set(world.personAt(i).iin, i);
    scanned.set(world, byIin);
  }
  return byIin.get(iin);
}

/** The 7-digit serial of the person with this IIN, or undefined when nobody has it. */
export function personSerial(world: World, iin: string): string | undefined {
  const index = indexOf(world, iin);
  return index === undefined ? undefined : String((index * MULTIPLIER + OFFSET) % MODULUS).padStart(7, '0');
}

/** The IIN of the person a 7-digit serial designates, or undefined. */
export function personOfSerial(world: World, serial: string): string | undefined {
  if (!/^\d{7}$/.test(serial)) return undefined;
  // The products stay below 2^53: (10^7)^2 = 10^14.
  const index = (((Number(serial) - OFFSET + MODULUS) % MODULUS) * INVERSE) % MODULUS;
  return index < world.personCount ? world.personAt(index).iin : undefined;
}
