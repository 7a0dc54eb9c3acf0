import type { IsoDate, Random } from '@negiz/mocks/model.ts';

/** A local (Astana, UTC+5) instant on the given date, as the source systems record their times. */
export function localDateTime(rng: Random, date: IsoDate, fromHour = 0, toHour = 23): string {
  const hh = String(rng.int(fromHour, toHour)).padStart(2, '0');
  const mm = String(rng.int(0, 59)).padStart(2, '0');
  const ss = String(rng.int(0, 59)).padStart(2, '0');
  return `${date}T${hh}:${mm}:${ss}+05:00`;
}

/** Sorts records newest first by one of their ISO date or date-time fields (ISO strings compare chronologically). */
export function newestFirst<T>(records: T[], dateOf: (record: T) => string): T[] {
  return records.sort((a, b) => (dateOf(a) < dateOf(b) ? 1 : dateOf(a) > dateOf(b) ? -1 : 0));
}
