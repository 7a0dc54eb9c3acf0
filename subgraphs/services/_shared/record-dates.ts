import type { IsoDate, LegalEntityRecord, PersonRecord, Random } from '@negiz/mocks/model.ts';

/** Registers hold records from 2000 up to the world's "today". */
export const RECORDS_FROM: IsoDate = '2000-01-01';
export const RECORDS_UNTIL: IsoDate = '2026-11-01';

export function addYears(date: IsoDate, years: number): IsoDate {
  return String(Number(date.slice(0, 4)) + years).padStart(4, '0') + date.slice(4, 10).replace('-02-29', '-02-28');
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const earlier = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
export const later = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/**
 * The span in which a register can hold records of this person: from 2000 (or the age `fromAge`) until today or
 * the person's death; null when the person has not reached that age by then.
 */
export function recordSpan(person: PersonRecord, fromAge = 0): { from: IsoDate; to: IsoDate } | null {
  const from = later(RECORDS_FROM, addYears(person.birthDate, fromAge));
  const to = earlier(RECORDS_UNTIL, person.deathDate ?? RECORDS_UNTIL);
  return from <= to ? { from, to } : null;
}

/** The span in which a register can hold records of a legal entity: from its registration (or 2000) until today. */
export function legalEntitySpan(entity: LegalEntityRecord): { from: IsoDate; to: IsoDate } {
  return { from: later(RECORDS_FROM, entity.registeredOn), to: RECORDS_UNTIL };
}

/** A date in [from, to], tolerating an empty span (returns `to`). */
export function dateWithin(r: Random, from: IsoDate, to: IsoDate): IsoDate {
  return from <= to ? r.date(from, to) : to;
}

/** `count` dates in the span, oldest first. */
export function sortedDates(r: Random, count: number, from: IsoDate, to: IsoDate): IsoDate[] {
  return Array.from({ length: count }, () => dateWithin(r, from, to)).sort();
}

/** Age in full years on a date. */
export function ageOn(person: PersonRecord, date: IsoDate): number {
  const years = Number(date.slice(0, 4)) - Number(person.birthDate.slice(0, 4));
  return date.slice(5) < person.birthDate.slice(5) ? years - 1 : years;
}
