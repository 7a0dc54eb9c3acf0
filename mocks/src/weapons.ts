/**
 * Civilian weapons registered to persons (a permit per weapon). The serial number is a model prefix and eight digits
 * carrying a seeded permutation of (owner, ordinal), so `weapon(serial)` decodes the owner and re-derives.
 */
import { REFERENCE_DAY, YEAR_DAYS } from './calendar.ts';
import type { WorldContext } from './context.ts';
import type { WeaponRecord } from './model.ts';
import { ageOf, iinAt, vitalsOf } from './person-index.ts';
import { dayToIso, rng, weighted } from './random.ts';

const SLOTS = 2;
const SPACE = 100_000_000;

type Kind = WeaponRecord['kind'];
const MODELS: ReadonlyArray<readonly [prefix: string, kind: Kind, model: string, calibre: string, weight: number]> = [
  ['IZ', 'SMOOTHBORE', 'ИЖ-27', '12/70', 10],
  ['MP', 'SMOOTHBORE', 'МР-153', '12/76', 12],
  ['SG', 'SMOOTHBORE', 'Сайга-12', '12/76', 6],
  ['BN', 'SMOOTHBORE', 'Benelli Raffaello', '12/76', 3],
  ['SK', 'RIFLED', 'Сайга-МК', '7,62x39', 4],
  ['TG', 'RIFLED', 'Тигр', '7,62x54R', 3],
  ['CZ', 'RIFLED', 'CZ 550', '.308 Win', 2],
  ['BL', 'RIFLED', 'Blaser R8', '.30-06', 1],
  ['TM', 'TRAUMATIC', 'МР-79-9ТМ', '9 мм Р.А.', 8],
  ['ST', 'TRAUMATIC', 'Streamer 1014', '9 мм Р.А.', 4],
  ['GZ', 'GAS', 'МР-80-13Т', '.45 Rubber', 3],
];

function weaponCount(ctx: WorldContext, person: number): number {
  const v = vitalsOf(ctx, person);
  if (v.deathDay !== undefined || ageOf(v.birthDay) < 21) return 0;
  const r = rng(ctx.seed, 'weapon-count', person);
  if (!r.chance(v.sex === 'MALE' ? 0.06 : 0.006)) return 0;
  return r.chance(0.8) ? 1 : 2;
}

function weaponAt(ctx: WorldContext, person: number, ordinal: number): WeaponRecord {
  const n = person * SLOTS + ordinal;
  const r = rng(ctx.seed, 'weapon', n);
  const [prefix, kind, model, calibre] = weighted(
    r,
    MODELS.map((x) => [x, x[4]] as const),
  );
  const digits = String(ctx.perm('weapon-serial', SPACE).forward(n)).padStart(8, '0');
  const issued = r.int(REFERENCE_DAY - Math.round(5 * YEAR_DAYS), REFERENCE_DAY - 30);
  return {
    serialNumber: `${prefix}${digits}`,
    kind,
    model,
    calibre,
    ownerIin: iinAt(ctx, person),
    permitNumber: `${kind === 'TRAUMATIC' || kind === 'GAS' ? 'РХН' : 'РХОО'}-${r.digits(7)}`,
    permitValidUntil: dayToIso(issued + Math.round(5 * YEAR_DAYS)),
    wanted: r.chance(0.02),
  };
}

export function weaponsOfPerson(ctx: WorldContext, person: number): WeaponRecord[] {
  const out: WeaponRecord[] = [];
  for (let k = 0; k < weaponCount(ctx, person); k++) out.push(weaponAt(ctx, person, k));
  return out;
}

export function weaponBySerial(ctx: WorldContext, serial: string): WeaponRecord | undefined {
  const match = typeof serial === 'string' ? /^([A-Z]{2})(\d{8})$/.exec(serial) : null;
  if (!match) return undefined;
  const n = ctx.perm('weapon-serial', SPACE).backward(Number(match[2]));
  const person = Math.floor(n / SLOTS);
  const ordinal = n % SLOTS;
  if (person >= ctx.persons || ordinal >= weaponCount(ctx, person)) return undefined;
  const record = weaponAt(ctx, person, ordinal);
  return record.serialNumber === serial ? record : undefined;
}
