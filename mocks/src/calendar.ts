/** The world's fixed "today": ages, validity and open/closed states are computed against it, never the clock. */
import { isoToDay } from './random.ts';

export const REFERENCE_DATE = '2026-11-01';
export const REFERENCE_DAY = isoToDay(REFERENCE_DATE);
export const YEAR_DAYS = 365.25;
