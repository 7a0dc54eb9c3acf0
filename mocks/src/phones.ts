/**
 * Mobile numbers that say who holds them: the numbering space (the 12 operator prefixes x 10^7 subscriber numbers)
 * is a seeded permutation P of line * LINE_STRIDE + person index, so a number leads back to its holder with no
 * table and no scan, while neighbouring persons get unrelated numbers. Line 0 is the person's current number
 * (`PersonRecord.mobilePhone`); lines 1-2 are the other numbers registered to them (a second SIM, numbers given up),
 * which the mobile operators' register (service 92) lists. Most numbers of the space belong to nobody.
 */
import { REFERENCE_DATE } from './calendar.ts';
import { BoundedCache } from './context.ts';
import { MOBILE_PREFIXES } from './geography.ts';
import type { PersonRecord, World } from './model.ts';
import { permutation, type Permutation } from './permutation.ts';
import { rng } from './random.ts';

const SUBSCRIBERS = 10_000_000;
const SPACE = MOBILE_PREFIXES.length * SUBSCRIBERS;
/** Lines per person: the current number and up to two others. */
export const MOBILE_LINES = 3;
/** Fixed, not the world's size: a person keeps their numbers whatever the size of the world. */
const LINE_STRIDE = 2 ** 22;
/** The largest world whose persons all get distinct numbers. */
export const MAX_PHONE_PERSONS = LINE_STRIDE;
/** Other numbers are registered from this age on (as the register's records are). */
const FIRST_SIM_AGE = 14;

const numberings = new BoundedCache<string, Permutation>(16);
// Built with the same keys as `WorldContext.perm('mobile-number', SPACE)` would, so any holder of the seed agrees.
const numbering = (seed: string): Permutation => numberings.get(seed, (s) => permutation(SPACE, s, 'mobile-number', SPACE));

export interface MobileLine {
  index: number;
  line: number;
}

/** The number on `line` of the person at `index`, written `+7 7xx xxx xx xx`. */
export function mobileNumber(seed: string, index: number, line: number): string {
  if (!Number.isSafeInteger(index) || index < 0 || index >= LINE_STRIDE) throw new RangeError(`person index out of range 0..${LINE_STRIDE - 1}`);
  if (!Number.isSafeInteger(line) || line < 0 || line >= MOBILE_LINES) throw new RangeError(`mobile line out of range 0..${MOBILE_LINES - 1}`);
  const n = numbering(seed).forward(line * LINE_STRIDE + index);
  const d = String(n % SUBSCRIBERS).padStart(7, '0');
  return `+7 ${MOBILE_PREFIXES[Math.floor(n / SUBSCRIBERS)]} ${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5, 7)}`;
}

/**
 * The 10 national digits of a Kazakh mobile number in any usual writing (`+7 701 234 56 78`, `+7 (701) 2345678`,
 * `87012345678`, `77012345678`, `7012345678`), or undefined when it is not one.
 */
export function nationalDigits(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, '');
  const national = digits.length === 11 && (digits[0] === '7' || digits[0] === '8') ? digits.slice(1) : digits;
  return /^7\d{9}$/.test(national) ? national : undefined;
}

/** The person index and line a number encodes, or undefined when the number is in no one's range of lines. */
export function mobileLineOf(seed: string, phone: string): MobileLine | undefined {
  const national = typeof phone === 'string' ? nationalDigits(phone) : undefined;
  const prefix = national === undefined ? -1 : (MOBILE_PREFIXES as readonly string[]).indexOf(national.slice(0, 3));
  if (prefix < 0) return undefined;
  const x = numbering(seed).backward(prefix * SUBSCRIBERS + Number(national!.slice(3)));
  const line = Math.floor(x / LINE_STRIDE);
  return line < MOBILE_LINES ? { index: x % LINE_STRIDE, line } : undefined;
}

/** How many other numbers (lines 1..) are registered to the person: none for those who never reached SIM age. */
export function otherLineCount(seed: string, index: number, person: Pick<PersonRecord, 'birthDate' | 'deathDate'>): number {
  const year = Number(person.birthDate.slice(0, 4)) + FIRST_SIM_AGE;
  const reached = `${year}${person.birthDate.slice(4)}`;
  if (reached > (person.deathDate ?? REFERENCE_DATE) || reached > REFERENCE_DATE) return 0;
  return rng(seed, 'other-mobile-lines', index).int(0, MOBILE_LINES - 1);
}

/** Whether the person at `index` holds the number on `line` (the current one only when they have a phone at all). */
export function holdsLine(seed: string, index: number, line: number, person: PersonRecord): boolean {
  return line === 0 ? person.mobilePhone === mobileNumber(seed, index, 0) : line <= otherLineCount(seed, index, person);
}

/**
 * The other numbers registered to the person with this IIN (not their current `mobilePhone`), for services that
 * list a person's numbers; `world.personByPhone` finds the person from any of them.
 */
export function otherMobileNumbers(world: Pick<World, 'seed' | 'person' | 'personIndex'>, iin: string): string[] {
  const person = world.person(iin);
  const index = world.personIndex?.(iin);
  if (!person || index === undefined) return [];
  return Array.from({ length: otherLineCount(world.seed, index, person) }, (_, k) => mobileNumber(world.seed, index, k + 1));
}
