/**
 * Kazakhstan's individual (IIN) and business (BIN) identification numbers: 12 digits, the last a check digit
 * computed by the national algorithm (weights 1..11 mod 11; on 10, weights 3..11,1,2 mod 11; on 10 again the
 * number is never issued), the birth date and century/sex in an IIN, the registration month, type and unit in a
 * BIN. The domain's own rule: the gateway admits and the subgraphs accept only numbers that pass it.
 */

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

function weighted(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (digits.charCodeAt(i) - 48) * weights[i]!;
  return sum % 11;
}

/** The check digit for the first 11 digits, or undefined when no number with these 11 digits may be issued. */
export function checkDigit(first11: string): number | undefined {
  if (!/^\d{11}$/.test(first11)) throw new IdentifierError('the check digit is computed over exactly 11 digits');
  const first = weighted(first11, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weighted(first11, SECOND_WEIGHTS);
  return second === 10 ? undefined : second;
}

/** Malformed identifier input; the message names the rule, never the value. */
export class IdentifierError extends Error {
  override name = 'IdentifierError';
  readonly code = 'BAD_IDENTIFIER';
}

function checksOut(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  return checkDigit(value.slice(0, 11)) === value.charCodeAt(11) - 48;
}

export type Sex = 'MALE' | 'FEMALE';

export interface ParsedIin {
  iin: string;
  birthDate: string;
  sex: Sex;
  /** The 7th digit: 1-2 born in the 19th century, 3-4 in the 20th, 5-6 in the 21st; odd male, even female. */
  centuryDigit: number;
  /** Digits 8-11. */
  serial: string;
}

/** The 7th digit of an IIN for a birth year and sex. */
export function centuryDigit(year: number, sex: Sex): number {
  const century = Math.floor(year / 100) - 18; // 1800s -> 0, 1900s -> 1, 2000s -> 2
  if (century < 0 || century > 2) throw new IdentifierError('an IIN encodes birth years 1800-2099 only');
  return century * 2 + (sex === 'MALE' ? 1 : 2);
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses an IIN (format, birth date, century/sex digit, check digit); undefined when it is not valid. */
export function parseIin(value: string): ParsedIin | undefined {
  if (!checksOut(value)) return undefined;
  const digit = value.charCodeAt(6) - 48;
  if (digit < 1 || digit > 6) return undefined;
  const year = 1800 + Math.floor((digit - 1) / 2) * 100 + Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  if (!isRealDate(year, month, day)) return undefined;
  return {
    iin: value,
    birthDate: `${String(year).padStart(4, '0')}-${value.slice(2, 4)}-${value.slice(4, 6)}`,
    sex: digit % 2 === 1 ? 'MALE' : 'FEMALE',
    centuryDigit: digit,
    serial: value.slice(7, 11),
  };
}

export function isValidIin(value: string): boolean {
  return parseIin(value) !== undefined;
}

/** The 5th digit of a BIN. */
export const BIN_TYPES = { 4: 'RESIDENT_LEGAL_ENTITY', 5: 'NON_RESIDENT_LEGAL_ENTITY', 6: 'JOINT_INDIVIDUAL_ENTREPRENEUR' } as const;
/** The 6th digit of a BIN. */
export const BIN_UNITS = { 0: 'HEAD_OFFICE', 1: 'BRANCH', 2: 'REPRESENTATIVE_OFFICE', 3: 'PEASANT_FARM' } as const;

export interface ParsedBin {
  bin: string;
  /** Year and month of registration, YYYY-MM (years 00-69 read as 20xx, 70-99 as 19xx). */
  registeredMonth: string;
  typeDigit: 4 | 5 | 6;
  type: (typeof BIN_TYPES)[4 | 5 | 6];
  unitDigit: 0 | 1 | 2 | 3;
  unit: (typeof BIN_UNITS)[0 | 1 | 2 | 3];
  /** Digits 7-11. */
  serial: string;
}

/** Parses a BIN (format, registration month, type and unit digits, check digit); undefined when it is not valid. */
export function parseBin(value: string): ParsedBin | undefined {
  if (!checksOut(value)) return undefined;
  const yy = Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const typeDigit = value.charCodeAt(4) - 48;
  const unitDigit = value.charCodeAt(5) - 48;
  if (month < 1 || month > 12) return undefined;
  if (typeDigit < 4 || typeDigit > 6 || unitDigit < 0 || unitDigit > 3) return undefined;
  const year = yy < 70 ? 2000 + yy : 1900 + yy;
  return {
    bin: value,
    registeredMonth: `${year}-${value.slice(2, 4)}`,
    typeDigit: typeDigit as 4 | 5 | 6,
    type: BIN_TYPES[typeDigit as 4 | 5 | 6],
    unitDigit: unitDigit as 0 | 1 | 2 | 3,
    unit: BIN_UNITS[unitDigit as 0 | 1 | 2 | 3],
    serial: value.slice(6, 11),
  };
}

export function isValidBin(value: string): boolean {
  return parseBin(value) !== undefined;
}

/** Throws an IdentifierError naming the rule when `value` is not a valid IIN. */
export function assertIin(value: string): ParsedIin {
  const parsed = parseIin(value);
  if (!parsed) throw new IdentifierError('not a valid IIN: expected 12 digits with a valid birth date, century/sex digit 1-6 and check digit');
  return parsed;
}

/** Throws an IdentifierError naming the rule when `value` is not a valid BIN. */
export function assertBin(value: string): ParsedBin {
  const parsed = parseBin(value);
  if (!parsed) throw new IdentifierError('not a valid BIN: expected 12 digits (YYMM, type 4-6, unit 0-3, serial) with a valid check digit');
  return parsed;
}
