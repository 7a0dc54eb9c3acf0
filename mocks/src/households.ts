/**
 * Families, derived per household: persons with neighbouring indices (HOUSEHOLD_SIZE of them) live as one
 * household, and who is whose spouse, parent or child follows from their ages alone. Computing the whole household
 * at once makes every link symmetric (the spouse of my spouse is me; my children list me as a parent). Ages rule
 * out marrying a parent or child; a match between two children of one couple is dropped.
 */
import { REFERENCE_DAY, YEAR_DAYS } from './calendar.ts';
import { BoundedCache, type WorldContext } from './context.ts';
import { hash32 } from './random.ts';
import { vitalsOf, type Vitals } from './person-index.ts';

export const HOUSEHOLD_SIZE = 8;
const Y = YEAR_DAYS;

export interface Household {
  readonly members: readonly Vitals[];
  readonly spouse: ReadonlyMap<number, number>;
  readonly father: ReadonlyMap<number, number>;
  readonly mother: ReadonlyMap<number, number>;
  readonly children: ReadonlyMap<number, readonly number[]>;
  /** The oldest member of each person's family (the person itself when single): the family shares its address. */
  readonly root: ReadonlyMap<number, number>;
}

interface Parents {
  father: Map<number, number>;
  mother: Map<number, number>;
  children: Map<number, number[]>;
}

/** Each member's parents: of the couples old enough (mother 18-45, father 18-60 years older), the one with the youngest mother. */
function assignParents(byIndex: ReadonlyMap<number, Vitals>, spouse: ReadonlyMap<number, number>): Parents {
  const father = new Map<number, number>();
  const mother = new Map<number, number>();
  const children = new Map<number, number[]>();
  for (const c of byIndex.values()) {
    let chosen: [Vitals, Vitals] | undefined;
    for (const [a, b] of spouse) {
      const m = byIndex.get(a)!;
      const f = byIndex.get(b)!;
      if (m.sex !== 'MALE' || c.index === a || c.index === b) continue;
      const fromMother = c.birthDay - f.birthDay;
      const fromFather = c.birthDay - m.birthDay;
      if (fromMother < 18 * Y || fromMother > 45 * Y || fromFather < 18 * Y || fromFather > 60 * Y) continue;
      if ((m.deathDay ?? Infinity) < c.birthDay - 280 || (f.deathDay ?? Infinity) < c.birthDay) continue;
      if (!chosen || f.birthDay > chosen[1].birthDay) chosen = [m, f];
    }
    if (!chosen) continue;
    father.set(c.index, chosen[0].index);
    mother.set(c.index, chosen[1].index);
    for (const p of chosen) children.set(p.index, [...(children.get(p.index) ?? []), c.index]);
  }
  return { father, mother, children };
}

function derive(ctx: WorldContext, h: number): Household {
  const first = h * HOUSEHOLD_SIZE;
  const members: Vitals[] = [];
  for (let i = first; i < Math.min(first + HOUSEHOLD_SIZE, ctx.persons); i++) members.push(vitalsOf(ctx, i));
  const byAge = [...members].sort((a, b) => a.birthDay - b.birthDay || a.index - b.index);

  const spouse = new Map<number, number>();
  for (const m of byAge) {
    if (m.sex !== 'MALE' || spouse.has(m.index)) continue;
    let best: Vitals | undefined;
    for (const f of byAge) {
      if (f.sex !== 'FEMALE' || spouse.has(f.index)) continue;
      const gap = f.birthDay - m.birthDay;
      if (gap < -5 * Y || gap > 12 * Y) continue;
      if (!best || Math.abs(gap - 3 * Y) < Math.abs(best.birthDay - m.birthDay - 3 * Y)) best = f;
    }
    if (!best) continue;
    // The younger turns 20 while both are alive; some couples of matching age never married.
    const together = Math.max(m.birthDay, best.birthDay) + 20 * Y;
    const alive = Math.min(m.deathDay ?? Infinity, best.deathDay ?? Infinity, REFERENCE_DAY);
    if (together <= alive && hash32(ctx.seed, 'marriage', m.index, best.index) % 100 < 90) {
      spouse.set(m.index, best.index);
      spouse.set(best.index, m.index);
    }
  }

  const byIndex = new Map(members.map((v) => [v.index, v]));
  let parents = assignParents(byIndex, spouse);
  // Two children of one couple never marry: such a match is dropped and parents assigned again (the couple no
  // longer being parents may change who else is whose child, hence the loop; it ends as couples only go).
  for (;;) {
    const siblings = [...spouse].filter(([a, b]) => a < b && parents.father.get(a) !== undefined && parents.father.get(a) === parents.father.get(b));
    if (!siblings.length) break;
    for (const [a, b] of siblings) {
      spouse.delete(a);
      spouse.delete(b);
    }
    parents = assignParents(byIndex, spouse);
  }
  const { father, mother, children } = parents;

  // Families are the connected parts of these links; the oldest member roots each.
  const root = new Map<number, number>();
  for (const v of byAge) {
    if (root.has(v.index)) continue;
    const stack = [v.index];
    while (stack.length) {
      const x = stack.pop()!;
      if (root.has(x)) continue;
      root.set(x, v.index);
      for (const y of [spouse.get(x), father.get(x), mother.get(x), ...(children.get(x) ?? [])]) if (y !== undefined && !root.has(y)) stack.push(y);
    }
  }
  return { members, spouse, father, mother, children, root };
}

const caches = new WeakMap<WorldContext, BoundedCache<number, Household>>();

export function householdOf(ctx: WorldContext, index: number): Household {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new BoundedCache(4096)));
  return cache.get(Math.floor(index / HOUSEHOLD_SIZE), (h) => derive(ctx, h));
}

export interface FamilyIndices {
  spouse?: number;
  father?: number;
  mother?: number;
  children: number[];
  siblings: number[];
}

export function familyIndices(ctx: WorldContext, index: number): FamilyIndices {
  const h = householdOf(ctx, index);
  const father = h.father.get(index);
  const mother = h.mother.get(index);
  const siblings = father === undefined ? [] : (h.children.get(father) ?? []).filter((c) => c !== index && h.mother.get(c) === mother);
  const out: FamilyIndices = { children: [...(h.children.get(index) ?? [])], siblings };
  const spouse = h.spouse.get(index);
  if (spouse !== undefined) out.spouse = spouse;
  if (father !== undefined) out.father = father;
  if (mother !== undefined) out.mother = mother;
  return out;
}

/** True when the person has no spouse, parent or child in the records. */
export function isSingle(ctx: WorldContext, index: number): boolean {
  const h = householdOf(ctx, index);
  return !h.spouse.has(index) && !h.children.has(index) && !h.father.has(index);
}
