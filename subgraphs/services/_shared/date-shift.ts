import type { IsoDate } from '@negiz/mocks/model.ts';
import { RECORDS_UNTIL } from './record-dates.ts';

/**
 * The ISO date shifted by whole years, months and days, not capped: validity periods of permits and documents
 * may end after the registers' "today".
 */
export function shiftDate(date: IsoDate, by: { years?: number; months?: number; days?: number }): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year + (by.years ?? 0), month - 1 + (by.months ?? 0), 1));
  // Clamp the day to the target month's length (31 January + 1 month = 28/29 February, not 3 March).
  const monthLength = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0)).getUTCDate();
  shifted.setUTCDate(Math.min(day, monthLength) + (by.days ?? 0));
  return shifted.toISOString().slice(0, 10);
}

/** The ISO date `days` after `date`, capped at the registers' "today": for events that already happened. */
export function daysAfter(date: IsoDate, days: number): IsoDate {
  const shifted = shiftDate(date, { days });
  return shifted < RECORDS_UNTIL ? shifted : RECORDS_UNTIL;
}
