/**
 * Invertible scrambles of [0, n): a keyed 4-round (unbalanced) Feistel network over the bits covering n, with
 * cycle-walking to stay inside [0, n). They let an identifier encode an index (so a record is re-derivable from its
 * identifier, without tables) while neighbouring indices get unrelated identifiers, birth dates and plates.
 */
import { hash128 } from './random.ts';

export interface Permutation {
  readonly size: number;
  forward(x: number): number;
  backward(y: number): number;
}

function mix(value: number, key: number): number {
  let h = Math.imul(value ^ key, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca77);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae3d);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A permutation of [0, size) chosen by the keys (same keys, same permutation); size up to 2^32. */
export function permutation(size: number, ...keys: Array<string | number>): Permutation {
  if (!Number.isSafeInteger(size) || size < 1 || size > 2 ** 32) throw new RangeError('permutation size must be an integer from 1 to 2^32');
  if (size === 1) return { size, forward: () => 0, backward: () => 0 };
  const bits = Math.max(2, Math.ceil(Math.log2(size)));
  // Halves of a and b bits; the state alternates (a|b) -> (b|a) -> (a|b): after 4 rounds the widths are back.
  const a = Math.ceil(bits / 2);
  const b = bits - a;
  const powA = 2 ** a;
  const powB = 2 ** b;
  const maskA = powA - 1;
  const maskB = powB - 1;
  const [k0, k1, k2, k3] = hash128(['feistel', ...keys]);

  const encrypt = (x: number): number => {
    // x = left (a bits) * 2^b + right (b bits)
    let left = Math.floor(x / powB);
    let right = x % powB;
    let t = (left ^ mix(right, k0)) & maskA; // (b|a)
    left = right;
    right = t;
    t = (left ^ mix(right, k1)) & maskB; // (a|b)
    left = right;
    right = t;
    t = (left ^ mix(right, k2)) & maskA;
    left = right;
    right = t;
    t = (left ^ mix(right, k3)) & maskB;
    left = right;
    right = t;
    return left * powB + right;
  };
  const decrypt = (y: number): number => {
    let left = Math.floor(y / powB);
    let right = y % powB;
    let t = (right ^ mix(left, k3)) & maskB;
    right = left;
    left = t;
    t = (right ^ mix(left, k2)) & maskA;
    right = left;
    left = t;
    t = (right ^ mix(left, k1)) & maskB;
    right = left;
    left = t;
    t = (right ^ mix(left, k0)) & maskA;
    right = left;
    left = t;
    return left * powB + right;
  };
  const walk = (x: number, step: (v: number) => number): number => {
    if (!Number.isSafeInteger(x) || x < 0 || x >= size) throw new RangeError(`value out of the permutation's range 0..${size - 1}`);
    let y = step(x);
    while (y >= size) y = step(y);
    return y;
  };
  return { size, forward: (x) => walk(x, encrypt), backward: (y) => walk(y, decrypt) };
}
