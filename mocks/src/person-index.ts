/**
 * The invertible mapping between a person's index in the world and their IIN, and the person's vitals (birth,
 * sex, death) that families, companies and property are decided from without deriving the whole record.
 *
 * index i -> slot = P(i mod N) (P a seeded permutation) over N slots: each (birth day, sex) has 1, 2 or 3 slots
 * ("copies") by birth-year band, so the population is younger than a flat spread of birth dates would make it.
 * q = floor(i / N) and the copy pick a block of SERIAL_CANDIDATES serials after a per-(day, sex) offset; the first
 * serial of the block whose check digit is issuable is used. The IIN gives back day, sex, copy and q, so the index
 * is recomputed and verified without any table.
 */
import { REFERENCE_DAY, YEAR_DAYS } from './calendar.ts';
import type { WorldContext } from './context.ts';
import { centuryDigit, parseIin, type Sex } from '@negiz/schema';
import { withCheckDigit } from './identifiers.ts';
import { dayToIso, hash32, isoToDay, rng } from './random.ts';

export const FIRST_BIRTH_DAY = isoToDay('1935-01-01');
export const LAST_BIRTH_DAY = isoToDay('2025-12-31');

interface Band {
  firstDay: number;
  days: number;
  /** Slots per (day, sex): the relative share of people born in the band. */
  copies: number;
  firstSlot: number;
}

function bands(spec: ReadonlyArray<readonly [from: string, to: string, copies: number]>): Band[] {
  let firstSlot = 0;
  return spec.map(([from, to, copies]) => {
    const band = { firstDay: isoToDay(from), days: isoToDay(to) - isoToDay(from) + 1, copies, firstSlot };
    firstSlot += band.days * copies * 2;
    return band;
  });
}

/** About 10% born before 1955, 24% in 1955-1979, 66% from 1980: roughly Kazakhstan's age pyramid. */
const BANDS = bands([
  ['1935-01-01', '1954-12-31', 1],
  ['1955-01-01', '1979-12-31', 2],
  ['1980-01-01', '2025-12-31', 3],
]);
const MAX_COPIES = 3;
const SLOTS = BANDS.reduce((n, b) => n + b.days * b.copies * 2, 0);
const SERIAL_CANDIDATES = 6;
const SERIAL_OFFSETS = 4000;
/** Blocks of candidates that fit in 4 serial digits after the largest offset. */
export const MAX_PERSONS = Math.floor((10_000 - SERIAL_OFFSETS) / (SERIAL_CANDIDATES * MAX_COPIES)) * SLOTS;

function slotPerm(ctx: WorldContext) {
  return ctx.perm('iin-slot', SLOTS);
}

interface SlotParts {
  day: number;
  sex: Sex;
  copy: number;
}

function decodeSlot(slot: number): SlotParts {
  let band = BANDS[0]!;
  for (const b of BANDS) if (slot >= b.firstSlot) band = b;
  const local = slot - band.firstSlot;
  const rest = Math.floor(local / 2);
  return { day: band.firstDay + Math.floor(rest / band.copies), sex: local % 2 ? 'FEMALE' : 'MALE', copy: rest % band.copies };
}

function encodeSlot(day: number, sex: Sex, copy: number): number | undefined {
  const band = BANDS.find((b) => day >= b.firstDay && day < b.firstDay + b.days);
  if (!band || copy >= band.copies) return undefined;
  return band.firstSlot + ((day - band.firstDay) * band.copies + copy) * 2 + (sex === 'FEMALE' ? 1 : 0);
}

function serialOffset(ctx: WorldContext, day: number, sex: Sex): number {
  return hash32(ctx.seed, 'iin-serial', day, sex) % SERIAL_OFFSETS;
}

function first11(day: number, sex: Sex, serial: number): string {
  const iso = dayToIso(day);
  const year = Number(iso.slice(0, 4));
  return `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${centuryDigit(year, sex)}${String(serial).padStart(4, '0')}`;
}

export interface Vitals {
  index: number;
  birthDay: number;
  sex: Sex;
  /** Day of death, for the deceased. */
  deathDay?: number;
}

/** Birth day and sex of the person at `index` (no IIN, no record: the cheapest fact about them). */
export function birthOf(ctx: WorldContext, index: number): { birthDay: number; sex: Sex } {
  const { day, sex } = decodeSlot(slotPerm(ctx).forward(index % SLOTS));
  return { birthDay: day, sex };
}

/** Whether and when the person died: more likely the older they are. */
export function vitalsOf(ctx: WorldContext, index: number): Vitals {
  const { birthDay, sex } = birthOf(ctx, index);
  const age = (REFERENCE_DAY - birthDay) / YEAR_DAYS;
  const fate = rng(ctx.seed, 'fate', index);
  const p = age > 85 ? 0.45 : age > 70 ? 0.15 : age > 50 ? 0.04 : age > 18 ? 0.008 : 0.001;
  const vitals: Vitals = { index, birthDay, sex };
  if (fate.chance(p)) {
    const earliest = Math.max(birthDay + 1, REFERENCE_DAY - Math.round(20 * YEAR_DAYS), birthDay + Math.round(Math.min(age - 1, 45) * YEAR_DAYS));
    vitals.deathDay = fate.int(Math.min(earliest, REFERENCE_DAY - 2), REFERENCE_DAY - 1);
  }
  return vitals;
}

export function ageOf(birthDay: number, atDay: number = REFERENCE_DAY): number {
  return Math.floor((atDay - birthDay) / YEAR_DAYS);
}

/** The IIN of the person at `index`. */
export function iinAt(ctx: WorldContext, index: number): string {
  if (!Number.isSafeInteger(index) || index < 0 || index >= ctx.persons) throw new RangeError(`person index out of range 0..${ctx.persons - 1}`);
  const { day, sex, copy } = decodeSlot(slotPerm(ctx).forward(index % SLOTS));
  const q = Math.floor(index / SLOTS);
  const base = serialOffset(ctx, day, sex) + (q * MAX_COPIES + copy) * SERIAL_CANDIDATES;
  for (let j = 0; j < SERIAL_CANDIDATES; j++) {
    const iin = withCheckDigit(first11(day, sex, base + j));
    if (iin) return iin;
  }
  // About one in 10^12 blocks has no issuable serial; the world refuses rather than invent a wrong number.
  throw new Error('no issuable IIN for this index');
}

/** The index of the person with this IIN, or undefined when nobody in this world has it. */
export function indexOfIin(ctx: WorldContext, iin: string): number | undefined {
  const parsed = parseIin(iin);
  if (!parsed) return undefined;
  const day = isoToDay(parsed.birthDate);
  if (day < FIRST_BIRTH_DAY || day > LAST_BIRTH_DAY) return undefined;
  const r = Number(parsed.serial) - serialOffset(ctx, day, parsed.sex);
  if (r < 0) return undefined;
  const block = Math.floor(r / SERIAL_CANDIDATES);
  const slot = encodeSlot(day, parsed.sex, block % MAX_COPIES);
  if (slot === undefined) return undefined;
  const index = Math.floor(block / MAX_COPIES) * SLOTS + slotPerm(ctx).backward(slot);
  if (index >= ctx.persons) return undefined;
  return iinAt(ctx, index) === iin ? index : undefined;
}
