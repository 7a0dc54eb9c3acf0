/**
 * The synthetic world: every fact is a pure function of the seed and an identifier, derived on demand. Nothing is
 * held per person, so a world of 1,000,000 persons costs what one of 10 does; small bounded caches keep repeated
 * lookups (a dossier asks for the same person many times) cheap.
 */
import { BoundedCache, createContext } from './context.ts';
import { familyIndices } from './households.ts';
import { companiesOf, indexOfBin, legalEntityRecord, MAX_LEGAL_ENTITIES } from './legal-entities.ts';
import type { FamilyLinks, LegalEntityRecord, OwnerKey, PersonRecord, World } from './model.ts';
import { resolveOwner } from './owners.ts';
import { iinAt, indexOfIin, MAX_PERSONS } from './person-index.ts';
import { personRecord } from './persons.ts';
import { holdsLine, MAX_PHONE_PERSONS, mobileLineOf } from './phones.ts';
import { rng } from './random.ts';
import { landPlotByCadastral, landPlotsOfOwner, realEstateByCadastral, realEstateOfOwner } from './real-estate.ts';
import { MAX_VEHICLE_ENTITIES, MAX_VEHICLE_PERSONS, vehicleByPlate, vehicleByVin, vehiclesOfOwner } from './vehicles.ts';
import { weaponBySerial, weaponsOfPerson } from './weapons.ts';

export interface WorldOptions {
  seed?: string;
  persons?: number;
  legalEntities?: number;
}

export const DEFAULT_SEED = 'negiz';
/** The largest world whose identifiers (IINs, plates, VINs) all stay distinct. */
export const MAX_WORLD_PERSONS = Math.min(MAX_PERSONS, MAX_VEHICLE_PERSONS, MAX_PHONE_PERSONS);
export const MAX_WORLD_LEGAL_ENTITIES = Math.min(MAX_LEGAL_ENTITIES, MAX_VEHICLE_ENTITIES);

/** A world with everything `World` promises plus lookups by cadastral number and phone, and the IIN -> index inverse. */
export type SyntheticWorld = Required<World>;

function count(value: number, max: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 1 || value > max) throw new RangeError(`${what} must be an integer from 1 to ${max}`);
  return value;
}

export function createWorld(options: WorldOptions = {}): SyntheticWorld {
  const seed = options.seed ?? DEFAULT_SEED;
  const ctx = createContext(
    seed,
    count(options.persons ?? 10_000, MAX_WORLD_PERSONS, 'persons'),
    count(options.legalEntities ?? 2_000, MAX_WORLD_LEGAL_ENTITIES, 'legalEntities'),
  );
  const persons = new BoundedCache<number, PersonRecord>(2048);
  const entities = new BoundedCache<number, LegalEntityRecord>(1024);
  const personAt = (index: number): PersonRecord => {
    iinAt(ctx, index); // range check with a clear error
    return persons.get(index, (i) => personRecord(ctx, i));
  };
  const legalEntityAt = (index: number): LegalEntityRecord => {
    if (!Number.isSafeInteger(index) || index < 0 || index >= ctx.legalEntities)
      throw new RangeError(`legal entity index out of range 0..${ctx.legalEntities - 1}`);
    return entities.get(index, (i) => legalEntityRecord(ctx, i));
  };
  const owner = (key: OwnerKey) => (key && typeof key === 'object' ? resolveOwner(ctx, key) : undefined);
  const index = (iin: string) => (typeof iin === 'string' ? indexOfIin(ctx, iin) : undefined);

  return {
    seed,
    personCount: ctx.persons,
    legalEntityCount: ctx.legalEntities,
    person(iin) {
      const i = index(iin);
      return i === undefined ? undefined : personAt(i);
    },
    personAt,
    personIndex: index,
    personByPhone(phone) {
      // The number decodes to an index and line; the person must exist and actually hold that line.
      const line = mobileLineOf(seed, phone);
      if (!line || line.index >= ctx.persons) return undefined;
      const person = personAt(line.index);
      return holdsLine(seed, line.index, line.line, person) ? person : undefined;
    },
    legalEntity(bin) {
      const i = typeof bin === 'string' ? indexOfBin(ctx, bin) : undefined;
      return i === undefined ? undefined : legalEntityAt(i);
    },
    legalEntityAt,
    family(iin): FamilyLinks {
      const i = index(iin);
      if (i === undefined) return { parents: [], children: [], siblings: [] };
      const f = familyIndices(ctx, i);
      const links: FamilyLinks = {
        parents: [f.father, f.mother].filter((p) => p !== undefined).map((p) => iinAt(ctx, p)),
        children: f.children.map((c) => iinAt(ctx, c)),
        siblings: f.siblings.map((s) => iinAt(ctx, s)),
      };
      if (f.spouse !== undefined) links.spouse = iinAt(ctx, f.spouse);
      return links;
    },
    companiesOf: (iin) => (typeof iin === 'string' ? companiesOf(ctx, iin) : []),
    vehiclesOf(key) {
      const o = owner(key);
      return o ? vehiclesOfOwner(ctx, o) : [];
    },
    vehicle: (vin) => vehicleByVin(ctx, vin),
    vehicleByPlate: (plate) => vehicleByPlate(ctx, plate),
    weaponsOf(iin) {
      const i = index(iin);
      return i === undefined ? [] : weaponsOfPerson(ctx, i);
    },
    weapon: (serial) => weaponBySerial(ctx, serial),
    realEstateOf(key) {
      const o = owner(key);
      return o ? realEstateOfOwner(ctx, o) : [];
    },
    landPlotsOf(key) {
      const o = owner(key);
      return o ? landPlotsOfOwner(ctx, o) : [];
    },
    realEstate: (cadastralNumber) => realEstateByCadastral(ctx, cadastralNumber),
    landPlot: (cadastralNumber) => landPlotByCadastral(ctx, cadastralNumber),
    rng: (...keys) => rng(seed, ...keys),
  };
}

let shared: SyntheticWorld | undefined;
/** The default world (seed "negiz", 10,000 persons, 2,000 legal entities), built once per process. */
export function defaultWorld(): SyntheticWorld {
  shared ??= createWorld();
  return shared;
}
