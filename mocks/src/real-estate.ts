/**
 * Real estate and land plots. A cadastral number RR:DDD:QQQ:PPP carries the region code and a seeded permutation
 * of (owner, ordinal) in its nine digits, so a cadastral number decodes back to its record. A person's first
 * property is the family home (same address as the civil register); buildings add a ":1" part, flats ":1/<flat>".
 */
import { REFERENCE_DAY } from './calendar.ts';
import type { WorldContext } from './context.ts';
import { drawAddress, pickRegion, regionByName } from './geography.ts';
import type { LandPlotRecord, RealEstateRecord } from './model.ts';
import { decodeOwnership, encodeOwnership, mayOwn, ownerExists, ownerKey, ownerRegion, ownerSince, type OwnerRef } from './owners.ts';
import { homeAddressOf, originOf } from './persons.ts';
import { householdOf } from './households.ts';
import { entityAddressOf } from './legal-entities.ts';
import { dayToIso, rng, weighted } from './random.ts';

const PERSON_SLOTS = 4;
const ENTITY_SLOTS = 8;
const SPACE = 1_000_000_000;

function cadastral(regionCode: string, digits: number): string {
  const d = String(digits).padStart(9, '0');
  return `${regionCode}:${d.slice(0, 3)}:${d.slice(3, 6)}:${d.slice(6, 9)}`;
}

function decodeCadastral(ctx: WorldContext, value: string, space: string): number | undefined {
  const match = typeof value === 'string' ? /^(\d{2}):(\d{3}):(\d{3}):(\d{3})(?::.*)?$/.exec(value) : null;
  if (!match) return undefined;
  return ctx.perm(space, SPACE).backward(Number(match[2]! + match[3]! + match[4]!));
}

function realEstateCount(ctx: WorldContext, owner: OwnerRef): number {
  if (!mayOwn(ctx, owner)) return 0;
  const r = rng(ctx.seed, 'real-estate-count', owner.kind, owner.index);
  if (owner.kind === 'entity')
    return weighted(r, [
      [0, 40],
      [1, 30],
      [2, 15],
      [3, 8],
      [5, 5],
      [8, 2],
    ] as const);
  // Within a family only the oldest member holds the home; others may own something else.
  const h = householdOf(ctx, owner.index);
  const holdsHome = h.root.get(owner.index) === owner.index && originOf(ctx, owner.index).citizenship === 'KAZ';
  return (
    (holdsHome ? 1 : 0) +
    weighted(r, [
      [0, 70],
      [1, 22],
      [2, 6],
      [3, 2],
    ] as const)
  );
}

function realEstateAt(ctx: WorldContext, owner: OwnerRef, ordinal: number): RealEstateRecord {
  const n = encodeOwnership(owner, ordinal, PERSON_SLOTS, ENTITY_SLOTS);
  const r = rng(ctx.seed, 'real-estate', n);
  const h = owner.kind === 'person' ? householdOf(ctx, owner.index) : undefined;
  const home = owner.kind === 'person' && ordinal === 0 && h!.root.get(owner.index) === owner.index && originOf(ctx, owner.index).citizenship === 'KAZ';
  let kind: RealEstateRecord['kind'];
  let address;
  if (home) {
    address = homeAddressOf(ctx, owner.index);
    kind = address.apartment ? 'APARTMENT' : 'HOUSE';
  } else if (owner.kind === 'entity') {
    kind = weighted(r, [
      ['COMMERCIAL', 80],
      ['GARAGE', 10],
      ['APARTMENT', 10],
    ] as const);
    address = ordinal === 0 ? entityAddressOf(ctx, owner.index) : drawAddress(r, ownerRegion(ctx, owner), kind === 'APARTMENT');
  } else {
    kind = weighted(r, [
      ['APARTMENT', 50],
      ['HOUSE', 15],
      ['GARAGE', 30],
      ['COMMERCIAL', 5],
    ] as const);
    address = drawAddress(r, r.chance(0.7) ? ownerRegion(ctx, owner) : undefined, kind === 'APARTMENT');
  }
  const area = kind === 'APARTMENT' ? r.int(28, 160) : kind === 'HOUSE' ? r.int(60, 400) : kind === 'GARAGE' ? r.int(16, 40) : r.int(40, 2500);
  const code = (regionByName(address.region) ?? ownerRegion(ctx, owner)).code;
  const suffix = kind === 'APARTMENT' && address.apartment && /^\d+$/.test(address.apartment) ? `:1/${address.apartment}` : ':1';
  const since = ownerSince(ctx, owner);
  return {
    cadastralNumber: cadastral(code, ctx.perm('real-estate', SPACE).forward(n)) + suffix,
    kind,
    address,
    areaSqm: area,
    owner: ownerKey(ctx, owner),
    acquiredOn: dayToIso(r.int(Math.min(since, REFERENCE_DAY - 1), REFERENCE_DAY - 1)),
    arrested: r.chance(0.02),
  };
}

export function realEstateOfOwner(ctx: WorldContext, owner: OwnerRef): RealEstateRecord[] {
  const out: RealEstateRecord[] = [];
  const count = realEstateCount(ctx, owner);
  for (let k = 0; k < count; k++) out.push(realEstateAt(ctx, owner, k));
  return out;
}

export function realEstateByCadastral(ctx: WorldContext, value: string): RealEstateRecord | undefined {
  const n = decodeCadastral(ctx, value, 'real-estate');
  if (n === undefined) return undefined;
  const { owner, ordinal } = decodeOwnership(n, PERSON_SLOTS, ENTITY_SLOTS);
  if (!ownerExists(ctx, owner) || ordinal >= realEstateCount(ctx, owner)) return undefined;
  const record = realEstateAt(ctx, owner, ordinal);
  return record.cadastralNumber === value ? record : undefined;
}

const PERSON_PURPOSES = [
  'для ведения личного подсобного хозяйства',
  'для индивидуального жилищного строительства',
  'для садоводства',
  'для ведения крестьянского хозяйства',
] as const;
const ENTITY_PURPOSES = [
  'для строительства и обслуживания производственной базы',
  'для сельскохозяйственного производства',
  'для размещения и обслуживания торгового объекта',
  'для недропользования',
] as const;

function landCount(ctx: WorldContext, owner: OwnerRef): number {
  if (!mayOwn(ctx, owner)) return 0;
  const r = rng(ctx.seed, 'land-count', owner.kind, owner.index);
  return owner.kind === 'person'
    ? weighted(r, [
        [0, 78],
        [1, 18],
        [2, 4],
      ] as const)
    : weighted(r, [
        [0, 65],
        [1, 25],
        [2, 7],
        [3, 3],
      ] as const);
}

function landPlotAt(ctx: WorldContext, owner: OwnerRef, ordinal: number): LandPlotRecord {
  const n = encodeOwnership(owner, ordinal, PERSON_SLOTS, ENTITY_SLOTS);
  const r = rng(ctx.seed, 'land', n);
  const purpose = r.pick(owner.kind === 'person' ? PERSON_PURPOSES : ENTITY_PURPOSES);
  const farm = /крестьянского|сельскохозяйственного|недропользования/.test(purpose);
  const region = r.chance(0.8) ? ownerRegion(ctx, owner) : pickRegion(r);
  const since = ownerSince(ctx, owner);
  return {
    cadastralNumber: cadastral(region.code, ctx.perm('land', SPACE).forward(n)),
    purpose,
    areaHa: farm ? r.int(50, 5000) : r.int(4, 25) / 100,
    region: region.name,
    owner: ownerKey(ctx, owner),
    acquiredOn: dayToIso(r.int(Math.min(since, REFERENCE_DAY - 1), REFERENCE_DAY - 1)),
    encumbered: r.chance(0.06),
  };
}

export function landPlotsOfOwner(ctx: WorldContext, owner: OwnerRef): LandPlotRecord[] {
  const out: LandPlotRecord[] = [];
  const count = landCount(ctx, owner);
  for (let k = 0; k < count; k++) out.push(landPlotAt(ctx, owner, k));
  return out;
}

export function landPlotByCadastral(ctx: WorldContext, value: string): LandPlotRecord | undefined {
  if (typeof value !== 'string' || !/^\d{2}:\d{3}:\d{3}:\d{3}$/.test(value)) return undefined;
  const n = decodeCadastral(ctx, value, 'land');
  if (n === undefined) return undefined;
  const { owner, ordinal } = decodeOwnership(n, PERSON_SLOTS, ENTITY_SLOTS);
  if (!ownerExists(ctx, owner) || ordinal >= landCount(ctx, owner)) return undefined;
  const record = landPlotAt(ctx, owner, ordinal);
  return record.cadastralNumber === value ? record : undefined;
}
