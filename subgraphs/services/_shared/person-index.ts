import type { World } from '@negiz/mocks/model.ts';

/**
 * Reverse lookups (a ticket, a phone number, a document by its own number) over a world whose records are derived
 * from the person's IIN: the index is built once per world and service by deriving every person's records, then
 * kept as long as the world lives. A pure function of the world, so memoising it changes no answer.
 */
const indexes = new WeakMap<World, Map<string, Map<string, string>>>();

/**
 * The IIN of the person whose records (as `keysOf` derives them) include `key`, or undefined.
 * Costs one pass over the population on the first lookup of each `name`.
 */
export function personHolding(world: World, name: string, keysOf: (iin: string) => string[], key: string): string | undefined {
  let byName = indexes.get(world);
  if (!byName) indexes.set(world, (byName = new Map()));
  let index = byName.get(name);
  if (!index) {
    index = new Map();
    for (let i = 0; i < world.personCount; i++) {
      const { iin } = world.personAt(i);
      for (const own of keysOf(iin)) index.set(own, iin);
    }
    byName.set(name, index);
  }
  return index.get(key);
}
