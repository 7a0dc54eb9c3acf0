/**
 * The monthly calculation index (MRP, KZT) by year, set by each year's budget law: fines, benefits and duties are
 * expressed in it, so an amount must use the index of the year it was imposed. Mid-year revisions are ignored.
 */
const MRP_BY_YEAR: Record<number, number> = {
  2000: 725,
  2001: 775,
  2002: 823,
  2003: 872,
  2004: 919,
  2005: 971,
  2006: 1030,
  2007: 1092,
  2008: 1168,
  2009: 1273,
  2010: 1413,
  2011: 1512,
  2012: 1618,
  2013: 1731,
  2014: 1852,
  2015: 1982,
  2016: 2121,
  2017: 2269,
  2018: 2405,
  2019: 2525,
  2020: 2778,
  2021: 2917,
  2022: 3063,
  2023: 3450,
  2024: 3692,
  2025: 3932,
  2026: 4325,
};

/** The index in force on a date (YYYY-MM-DD); dates outside 2000-2026 take the nearest year's. */
export function monthlyIndexOn(date: string): number {
  const year = Math.min(2026, Math.max(2000, Number(date.slice(0, 4))));
  return MRP_BY_YEAR[year]!;
}
