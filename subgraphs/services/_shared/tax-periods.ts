import type { IsoDate, Random } from '@negiz/mocks/model.ts';
import { RECORDS_UNTIL } from './record-dates.ts';

/**
 * Reporting periods of the tax authority's excise declarations (services 70-74): the last `count` periods that
 * ended before the registers' "today", none before `from`, each with the date the declaration was filed (by the
 * 15th of the second month after the period, as the Tax Code sets for excise declarations).
 */
export interface TaxPeriod {
  year: number;
  /** 1-4 for quarters, 1-12 for months. */
  index: number;
  submittedOn: IsoDate;
}

function periods(monthsPerPeriod: 1 | 3, from: IsoDate, until: IsoDate, count: number): TaxPeriod[] {
  const result: TaxPeriod[] = [];
  const perYear = 12 / monthsPerPeriod;
  // The period just before the one containing `until`.
  let year = Number(until.slice(0, 4));
  let index = Math.floor((Number(until.slice(5, 7)) - 1) / monthsPerPeriod) + 1 - 1;
  while (result.length < count) {
    if (index === 0) {
      year -= 1;
      index = perYear;
    }
    const endMonth = index * monthsPerPeriod;
    const start = `${year}-${String(endMonth - monthsPerPeriod + 1).padStart(2, '0')}-01`;
    if (start < from) break;
    const filingMonth = endMonth + 2;
    const submittedOn = `${filingMonth > 12 ? year + 1 : year}-${String(((filingMonth - 1) % 12) + 1).padStart(2, '0')}-15`;
    if (submittedOn <= RECORDS_UNTIL) result.push({ year, index, submittedOn });
    index -= 1;
  }
  return result;
}

export function lastQuarters(from: IsoDate, count: number, until: IsoDate = RECORDS_UNTIL): TaxPeriod[] {
  return periods(3, from, until, count);
}

export function lastMonths(from: IsoDate, count: number, until: IsoDate = RECORDS_UNTIL): TaxPeriod[] {
  return periods(1, from, until, count);
}

/** The filing date moved a few days earlier, as most filers do not wait for the deadline. */
export function filedOn(rng: Random, period: TaxPeriod): IsoDate {
  return `${period.submittedOn.slice(0, 8)}${String(rng.int(1, 15)).padStart(2, '0')}`;
}
