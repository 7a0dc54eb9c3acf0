/**
 * The shape of the synthetic world every mock service reads. Facts that several state databases must agree on
 * (who a person is, their family, their companies, vehicles, weapons, property) live here; each service derives
 * its own records from these and from `world.rng(...)`, so services agree with each other and with themselves.
 */

/** ISO date, YYYY-MM-DD. */
export type IsoDate = string;

export interface Address {
  region: string;
  city: string;
  street: string;
  house: string;
  apartment?: string;
  /** Kazakhstan's 6-digit postal code. */
  postcode: string;
}

export interface PersonRecord {
  iin: string;
  lastName: string;
  firstName: string;
  middleName?: string;
  /** Name written in Latin script as in the passport. */
  latinName: string;
  birthDate: IsoDate;
  sex: 'MALE' | 'FEMALE';
  /** ISO 3166 alpha-3; most are KAZ, a few percent are foreigners living in Kazakhstan. */
  citizenship: string;
  nationality: string;
  birthPlace: string;
  address: Address;
  /** +7 7xx xxx xx xx */
  mobilePhone?: string;
  deathDate?: IsoDate;
  /** Identity card or passport currently valid. */
  document: { type: 'ID_CARD' | 'PASSPORT' | 'RESIDENCE_PERMIT'; number: string; issuedOn: IsoDate; validUntil: IsoDate; issuer: string };
}

export interface LegalEntityRecord {
  bin: string;
  name: string;
  nameKk: string;
  legalForm: 'LLP' | 'JSC' | 'SOLE_PROPRIETOR' | 'STATE_ENTERPRISE' | 'PUBLIC_ASSOCIATION' | 'BRANCH';
  registeredOn: IsoDate;
  /** Economic activity code (OKED) and its name. */
  activity: { code: string; name: string };
  address: Address;
  status: 'ACTIVE' | 'LIQUIDATED' | 'SUSPENDED';
  directorIin: string;
  founders: Array<{ iin?: string; bin?: string; sharePercent: number }>;
}

export interface FamilyLinks {
  spouse?: string;
  parents: string[];
  children: string[];
  siblings: string[];
}

export interface CompanyRole {
  bin: string;
  role: 'DIRECTOR' | 'FOUNDER';
  sharePercent?: number;
}

/** An owner is a person (iin) or a legal entity (bin). */
export type OwnerKey = { iin: string } | { bin: string };

export interface VehicleRecord {
  vin: string;
  plate: string;
  make: string;
  model: string;
  year: number;
  colour: string;
  category: 'B' | 'C' | 'D' | 'A' | 'BE' | 'CE';
  engineVolumeCc: number;
  registeredOn: IsoDate;
  owner: OwnerKey;
  /** Registration certificate (техпаспорт) number. */
  certificateNumber: string;
  /** True for the few vehicles wanted as stolen (services 23 and 86 agree on it). */
  stolen: boolean;
  /** True when a bailiff or investigator arrest is registered on it (service 61 agrees). */
  arrested: boolean;
}

export interface WeaponRecord {
  serialNumber: string;
  kind: 'SMOOTHBORE' | 'RIFLED' | 'TRAUMATIC' | 'GAS';
  model: string;
  calibre: string;
  ownerIin: string;
  permitNumber: string;
  permitValidUntil: IsoDate;
  /** True for the few reported stolen or lost (service 24 agrees). */
  wanted: boolean;
}

export interface RealEstateRecord {
  cadastralNumber: string;
  kind: 'APARTMENT' | 'HOUSE' | 'COMMERCIAL' | 'GARAGE';
  address: Address;
  areaSqm: number;
  owner: OwnerKey;
  acquiredOn: IsoDate;
  /** True when an arrest/prohibition is registered (service 58 agrees). */
  arrested: boolean;
}

export interface LandPlotRecord {
  cadastralNumber: string;
  purpose: string;
  areaHa: number;
  region: string;
  owner: OwnerKey;
  acquiredOn: IsoDate;
  /** True when an encumbrance is registered (service 67 agrees). */
  encumbered: boolean;
}

/** A deterministic random stream: the same keys always give the same sequence. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** ISO date uniformly between two ISO dates (inclusive). */
  date(from: IsoDate, to: IsoDate): IsoDate;
  /** A string of `length` decimal digits. */
  digits(length: number): string;
}

export interface World {
  readonly seed: string;
  readonly personCount: number;
  readonly legalEntityCount: number;
  /** The person with this IIN, or undefined when the IIN is well formed but nobody has it. */
  person(iin: string): PersonRecord | undefined;
  personAt(index: number): PersonRecord;
  legalEntity(bin: string): LegalEntityRecord | undefined;
  legalEntityAt(index: number): LegalEntityRecord;
  family(iin: string): FamilyLinks;
  companiesOf(iin: string): CompanyRole[];
  vehiclesOf(owner: OwnerKey): VehicleRecord[];
  vehicle(vin: string): VehicleRecord | undefined;
  vehicleByPlate(plate: string): VehicleRecord | undefined;
  weaponsOf(iin: string): WeaponRecord[];
  weapon(serialNumber: string): WeaponRecord | undefined;
  realEstateOf(owner: OwnerKey): RealEstateRecord[];
  landPlotsOf(owner: OwnerKey): LandPlotRecord[];
  /** A building, flat or garage by its cadastral number (RR:DDD:QQQ:PPP:1 or :1/<flat>). */
  realEstate?(cadastralNumber: string): RealEstateRecord | undefined;
  /** A land plot by its cadastral number (RR:DDD:QQQ:PPP). */
  landPlot?(cadastralNumber: string): LandPlotRecord | undefined;
  /**
   * The person a mobile number is registered to (their `mobilePhone`, or one of the other numbers `phones.ts`
   * registers to them), written `+7 701 234 56 78`, `87012345678` or `77012345678`; undefined when nobody has it.
   */
  personByPhone?(phone: string): PersonRecord | undefined;
  /** The index of the person with this IIN in this world (for sampling and benchmarks), or undefined. */
  personIndex?(iin: string): number | undefined;
  /** A stream for a service's own records, e.g. `world.rng('s33', iin)`. */
  rng(...keys: Array<string | number>): Random;
}
