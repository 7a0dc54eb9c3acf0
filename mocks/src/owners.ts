/**
 * Owners of property (persons and legal entities) as the property registers see them: an index, the region the
 * property is registered in, and the day from which they could own it. Property identifiers encode
 * (owner kind, owner index, ordinal) as one number: persons 2*(i*PERSON_SLOTS + k), entities 2*(e*ENTITY_SLOTS + k) + 1.
 */
import { YEAR_DAYS } from './calendar.ts';
import type { WorldContext } from './context.ts';
import { REGIONS, regionByName, type Region } from './geography.ts';
import type { OwnerKey } from './model.ts';
import { binAt, entityAddressOf, indexOfBin } from './legal-entities.ts';
import { ageOf, iinAt, indexOfIin, vitalsOf } from './person-index.ts';
import { residenceOf } from './persons.ts';
import { isoToDay } from './random.ts';

export type OwnerRef = { kind: 'person' | 'entity'; index: number };

export function resolveOwner(ctx: WorldContext, owner: OwnerKey): OwnerRef | undefined {
  if ('iin' in owner) {
    const index = typeof owner.iin === 'string' ? indexOfIin(ctx, owner.iin) : undefined;
    return index === undefined ? undefined : { kind: 'person', index };
  }
  const index = typeof owner.bin === 'string' ? indexOfBin(ctx, owner.bin) : undefined;
  return index === undefined ? undefined : { kind: 'entity', index };
}

export function ownerKey(ctx: WorldContext, owner: OwnerRef): OwnerKey {
  return owner.kind === 'person' ? { iin: iinAt(ctx, owner.index) } : { bin: binAt(ctx, owner.index) };
}

export function ownerRegion(ctx: WorldContext, owner: OwnerRef): Region {
  const address = owner.kind === 'person' ? residenceOf(ctx, owner.index) : entityAddressOf(ctx, owner.index);
  return regionByName(address.region) ?? REGIONS[0]!;
}

/** The first day the owner could register property: an adult's 18th birthday, an entity's registration month. */
export function ownerSince(ctx: WorldContext, owner: OwnerRef): number {
  if (owner.kind === 'person') return vitalsOf(ctx, owner.index).birthDay + Math.round(18 * YEAR_DAYS);
  const bin = binAt(ctx, owner.index);
  const yy = Number(bin.slice(0, 2));
  return isoToDay(`${yy < 70 ? 2000 + yy : 1900 + yy}-${bin.slice(2, 4)}-01`);
}

/** Living adults and entities may own property; minors and the deceased own none here. */
export function mayOwn(ctx: WorldContext, owner: OwnerRef): boolean {
  if (owner.kind === 'entity') return true;
  const v = vitalsOf(ctx, owner.index);
  return v.deathDay === undefined && ageOf(v.birthDay) >= 18;
}

export function encodeOwnership(owner: OwnerRef, ordinal: number, personSlots: number, entitySlots: number): number {
  return owner.kind === 'person' ? 2 * (owner.index * personSlots + ordinal) : 2 * (owner.index * entitySlots + ordinal) + 1;
}

export function decodeOwnership(n: number, personSlots: number, entitySlots: number): { owner: OwnerRef; ordinal: number } {
  const m = Math.floor(n / 2);
  if (n % 2 === 0) return { owner: { kind: 'person', index: Math.floor(m / personSlots) }, ordinal: m % personSlots };
  return { owner: { kind: 'entity', index: Math.floor(m / entitySlots) }, ordinal: m % entitySlots };
}

export function ownerExists(ctx: WorldContext, owner: OwnerRef): boolean {
  return owner.index >= 0 && owner.index < (owner.kind === 'person' ? ctx.persons : ctx.legalEntities);
}
