/** What every derivation of one world shares: its seed, sizes and the permutations identifiers encode indices with. */
import { permutation, type Permutation } from './permutation.ts';

/** A small bounded cache: recently derived records are reused, memory stays flat however large the world. */
export class BoundedCache<K, V> {
  readonly #limit: number;
  readonly #map = new Map<K, V>();
  constructor(limit: number) {
    this.#limit = limit;
  }
  get(key: K, derive: (key: K) => V): V {
    // First in, first out: cheaper than reordering on every hit, and as good for the access patterns here.
    const hit = this.#map.get(key);
    if (hit !== undefined) return hit;
    const value = derive(key);
    this.#map.set(key, value);
    if (this.#map.size > this.#limit) this.#map.delete(this.#map.keys().next().value as K);
    return value;
  }
}

export interface WorldContext {
  readonly seed: string;
  readonly persons: number;
  readonly legalEntities: number;
  /** The permutation of [0, size) called `name` (a constant string), built once per world. */
  perm(name: string, size: number): Permutation;
}

export function createContext(seed: string, persons: number, legalEntities: number): WorldContext {
  const perms = new Map<string, Permutation>();
  return {
    seed,
    persons,
    legalEntities,
    perm(name, size) {
      let p = perms.get(name);
      if (!p || p.size !== size) {
        p = permutation(size, seed, name, size);
        perms.set(name, p);
      }
      return p;
    },
  };
}
