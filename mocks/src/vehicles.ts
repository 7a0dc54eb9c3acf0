/**
 * Registered vehicles. A vehicle's number n encodes its owner and ordinal (see owners.ts); the VIN carries a
 * seeded permutation of n in its serial part (positions 11-17) and the plate carries another in its digits and
 * letters, so `vehicle(vin)` and `vehicleByPlate(plate)` decode the owner, re-derive, and compare.
 */
import { REFERENCE_DAY } from './calendar.ts';
import type { WorldContext } from './context.ts';
import type { VehicleRecord } from './model.ts';
import { decodeOwnership, encodeOwnership, mayOwn, ownerExists, ownerKey, ownerRegion, ownerSince, type OwnerRef } from './owners.ts';
import { dayToIso, isoToDay, rng, weighted } from './random.ts';

const PERSON_SLOTS = 4;
const ENTITY_SLOTS = 8;
/** VIN characters: digits and letters except I, O, Q. */
const VIN_ALPHABET = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
const VIN_SPACE = 33 * 33 * 100_000;
const PLATE_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const PLATE_SPACE = 999 * 26 ** 3;
/** The largest worlds whose vehicles all get distinct plates. */
export const MAX_VEHICLE_PERSONS = Math.floor(PLATE_SPACE / (2 * PERSON_SLOTS));
export const MAX_VEHICLE_ENTITIES = Math.floor((PLATE_SPACE - 1) / (2 * ENTITY_SLOTS));

type Category = VehicleRecord['category'];
interface Model {
  make: string;
  wmi: string;
  model: string;
  category: Category;
  cc: number;
  /** Who buys it: private persons, companies, or both. */
  buyers: 'person' | 'entity' | 'both';
  weight: number;
}

const m = (make: string, wmi: string, model: string, category: Category, cc: number, buyers: Model['buyers'], weight: number): Model => ({
  make,
  wmi,
  model,
  category,
  cc,
  buyers,
  weight,
});

const MODELS: readonly Model[] = [
  m('Toyota', 'JTD', 'Camry', 'B', 2500, 'both', 14),
  m('Toyota', 'JTD', 'Corolla', 'B', 1600, 'person', 6),
  m('Toyota', 'JTM', 'Land Cruiser 200', 'B', 4600, 'both', 4),
  m('Toyota', 'JTE', 'Land Cruiser Prado', 'B', 2700, 'both', 5),
  m('Toyota', 'JTM', 'RAV4', 'B', 2000, 'person', 5),
  m('Lexus', 'JTJ', 'LX 570', 'B', 5700, 'person', 2),
  m('Lexus', 'JTJ', 'RX 350', 'B', 3500, 'person', 2),
  m('Hyundai', 'KMH', 'Accent', 'B', 1600, 'person', 10),
  m('Hyundai', 'KMH', 'Elantra', 'B', 2000, 'person', 6),
  m('Hyundai', 'KMH', 'Tucson', 'B', 2000, 'person', 5),
  m('Hyundai', 'KMH', 'Sonata', 'B', 2500, 'both', 4),
  m('Kia', 'KNA', 'Rio', 'B', 1600, 'person', 7),
  m('Kia', 'KNA', 'Sportage', 'B', 2000, 'person', 5),
  m('Kia', 'KNA', 'K5', 'B', 2500, 'person', 4),
  m('Chevrolet', 'XWB', 'Cobalt', 'B', 1500, 'person', 8),
  m('Chevrolet', 'XWB', 'Nexia', 'B', 1500, 'person', 6),
  m('Chevrolet', 'XWB', 'Damas', 'B', 800, 'both', 2),
  m('Lada', 'XTA', 'Granta', 'B', 1600, 'person', 6),
  m('Lada', 'XTA', 'Vesta', 'B', 1600, 'person', 4),
  m('Lada', 'XTA', 'Niva Legend', 'B', 1700, 'person', 4),
  m('Lada', 'XTA', 'Largus', 'B', 1600, 'both', 2),
  m('Volkswagen', 'WVW', 'Polo', 'B', 1600, 'person', 4),
  m('Volkswagen', 'WVW', 'Passat', 'B', 1800, 'person', 2),
  m('Mercedes-Benz', 'WDD', 'E 200', 'B', 2000, 'both', 3),
  m('Mercedes-Benz', 'WDB', 'Sprinter', 'C', 2100, 'entity', 2),
  m('BMW', 'WBA', 'X5', 'B', 3000, 'person', 2),
  m('BMW', 'WBA', '520i', 'B', 2000, 'person', 2),
  m('Audi', 'WAU', 'A6', 'B', 2000, 'person', 2),
  m('Mitsubishi', 'JMB', 'Pajero', 'B', 3000, 'person', 2),
  m('Mitsubishi', 'JMB', 'Outlander', 'B', 2400, 'person', 2),
  m('Nissan', 'JN1', 'X-Trail', 'B', 2500, 'person', 2),
  m('Nissan', 'JN1', 'Almera', 'B', 1600, 'person', 2),
  m('Haval', 'LGW', 'Jolion', 'B', 1500, 'person', 3),
  m('Haval', 'LGW', 'H6', 'B', 2000, 'person', 2),
  m('Chery', 'LVV', 'Tiggo 7 Pro', 'B', 1500, 'person', 3),
  m('JAC', 'LJ1', 'N120', 'C', 3800, 'entity', 3),
  m('GAZ', 'X96', 'Gazelle Next', 'C', 2800, 'entity', 5),
  m('KAMAZ', 'XTC', '5490', 'CE', 12000, 'entity', 3),
  m('KAMAZ', 'XTC', '65115', 'C', 6700, 'entity', 3),
  m('MAN', 'WMA', 'TGX', 'CE', 12400, 'entity', 2),
  m('Yutong', 'LZY', 'ZK6122H9', 'D', 8900, 'entity', 1),
  m('Yamaha', 'JYA', 'YZF-R6', 'A', 600, 'person', 1),
  m('Honda', 'JH2', 'CB500X', 'A', 500, 'person', 1),
  m('Toyota', 'JTD', 'Camry', 'BE', 2500, 'person', 0.3),
];
const FOR_PERSONS = MODELS.filter((x) => x.buyers !== 'entity').map((x) => [x, x.weight] as const);
const FOR_ENTITIES = MODELS.filter((x) => x.buyers !== 'person').map((x) => [x, x.weight] as const);
const COLOURS = ['белый', 'черный', 'серебристый', 'серый', 'синий', 'красный', 'бежевый', 'зеленый', 'коричневый'] as const;

/** Model-year codes of the VIN (position 10), from 1980 repeating every 30 years. */
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';
const TRANSLITERATION: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** The VIN check digit (position 9, ISO 3779 / North American rule). */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = vin[i]!;
    const value = ch >= '0' && ch <= '9' ? Number(ch) : (TRANSLITERATION[ch] ?? 0);
    sum += value * VIN_WEIGHTS[i]!;
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

function vehicleCount(ctx: WorldContext, owner: OwnerRef): number {
  if (!mayOwn(ctx, owner)) return 0;
  const r = rng(ctx.seed, 'vehicle-count', owner.kind, owner.index);
  return owner.kind === 'person'
    ? weighted(r, [
        [0, 52],
        [1, 34],
        [2, 10],
        [3, 3],
        [4, 1],
      ] as const)
    : weighted(r, [
        [0, 45],
        [1, 20],
        [2, 12],
        [3, 8],
        [4, 5],
        [5, 4],
        [6, 3],
        [7, 2],
        [8, 1],
      ] as const);
}

function encodeVinSerial(ctx: WorldContext, n: number): string {
  const s = ctx.perm('vin', VIN_SPACE).forward(n);
  const hi = Math.floor(s / 100_000);
  return VIN_ALPHABET[Math.floor(hi / 33)]! + VIN_ALPHABET[hi % 33]! + String(s % 100_000).padStart(5, '0');
}

function decodeVinSerial(ctx: WorldContext, vin: string): number | undefined {
  const a = VIN_ALPHABET.indexOf(vin[10]!);
  const b = VIN_ALPHABET.indexOf(vin[11]!);
  const digits = vin.slice(12);
  if (a < 0 || b < 0 || !/^\d{5}$/.test(digits)) return undefined;
  return ctx.perm('vin', VIN_SPACE).backward((a * 33 + b) * 100_000 + Number(digits));
}

function encodePlate(ctx: WorldContext, n: number, regionCode: string): string {
  const s = ctx.perm('plate', PLATE_SPACE).forward(n);
  let letters = Math.floor(s / 999);
  let text = '';
  for (let i = 0; i < 3; i++) {
    text = PLATE_LETTERS[letters % 26]! + text;
    letters = Math.floor(letters / 26);
  }
  return `${String((s % 999) + 1).padStart(3, '0')}${text}${regionCode}`;
}

function decodePlate(ctx: WorldContext, plate: string): number | undefined {
  const match = /^(\d{3})([A-Z]{3})(\d{2})$/.exec(plate);
  if (!match || match[1] === '000') return undefined;
  let letters = 0;
  for (const ch of match[2]!) letters = letters * 26 + PLATE_LETTERS.indexOf(ch);
  return ctx.perm('plate', PLATE_SPACE).backward(letters * 999 + Number(match[1]) - 1);
}

function vehicleAt(ctx: WorldContext, owner: OwnerRef, ordinal: number): VehicleRecord {
  const n = encodeOwnership(owner, ordinal, PERSON_SLOTS, ENTITY_SLOTS);
  const r = rng(ctx.seed, 'vehicle', n);
  const model = weighted(r, owner.kind === 'person' ? FOR_PERSONS : FOR_ENTITIES);
  const since = ownerSince(ctx, owner);
  const year = Math.min(2025, Math.max(1995, 2025 - Math.floor(r.next() ** 1.6 * 30)));
  const first = Math.max(since, isoToDay(`${year}-01-01`));
  const registered = r.int(Math.min(first, REFERENCE_DAY - 1), REFERENCE_DAY - 1);
  let vds = '';
  for (let i = 0; i < 5; i++) vds += VIN_ALPHABET[r.int(10, 32)];
  const draft = `${model.wmi}${vds}0${YEAR_CODES[(year - 1980) % 30]}${encodeVinSerial(ctx, n)}`;
  const vin = draft.slice(0, 8) + vinCheckDigit(draft) + draft.slice(9);
  const letters = PLATE_LETTERS[r.int(0, 25)]! + PLATE_LETTERS[r.int(0, 25)]!;
  return {
    vin,
    plate: encodePlate(ctx, n, ownerRegion(ctx, owner).code),
    make: model.make,
    model: model.model,
    year,
    colour: r.pick(COLOURS),
    category: model.category,
    engineVolumeCc: model.cc,
    registeredOn: dayToIso(registered),
    owner: ownerKey(ctx, owner),
    certificateNumber: `${letters}${r.digits(8)}`,
    stolen: r.chance(0.006),
    arrested: r.chance(0.025),
  };
}

export function vehiclesOfOwner(ctx: WorldContext, owner: OwnerRef): VehicleRecord[] {
  const count = vehicleCount(ctx, owner);
  const out: VehicleRecord[] = [];
  for (let k = 0; k < count; k++) out.push(vehicleAt(ctx, owner, k));
  return out;
}

function byNumber(ctx: WorldContext, n: number | undefined): VehicleRecord | undefined {
  if (n === undefined) return undefined;
  const { owner, ordinal } = decodeOwnership(n, PERSON_SLOTS, ENTITY_SLOTS);
  if (!ownerExists(ctx, owner) || ordinal >= vehicleCount(ctx, owner)) return undefined;
  return vehicleAt(ctx, owner, ordinal);
}

export function vehicleByVin(ctx: WorldContext, vin: string): VehicleRecord | undefined {
  if (typeof vin !== 'string' || !/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) return undefined;
  const record = byNumber(ctx, decodeVinSerial(ctx, vin));
  return record?.vin === vin ? record : undefined;
}

export function vehicleByPlate(ctx: WorldContext, plate: string): VehicleRecord | undefined {
  if (typeof plate !== 'string') return undefined;
  const normalised = plate.replace(/\s+/g, '').toUpperCase();
  const record = byNumber(ctx, decodePlate(ctx, normalised));
  return record?.plate === normalised ? record : undefined;
}
