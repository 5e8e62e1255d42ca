/** Calendar arithmetic on ISO `YYYY-MM-DD` day strings (UTC days, no time of day): cutoffs, windows, renewals. */
import { ChurnError } from '../errors/index.js';

const DAY_MS = 86_400_000;
const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for an ISO day; throws CHURN_ERR_PARAM naming `what` when the text is not a real date. */
export function dayNumber(iso: string, what = 'date'): number {
  const m = isoDay.exec(iso);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || Number.isNaN(ms) || isoFromDayNumber(ms / DAY_MS) !== iso)
    throw new ChurnError('CHURN_ERR_PARAM', `${what} must be a real calendar day YYYY-MM-DD (got ${JSON.stringify(iso)})`, {
      [what]: iso,
    });
  return ms / DAY_MS;
}

/** The ISO day for a day number. */
export function isoFromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `iso` shifted by `days` (negative = earlier). */
export function addDays(iso: string, days: number): string {
  return isoFromDayNumber(dayNumber(iso) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** `iso` plus `months` calendar months, the day clamped to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return isoFromDayNumber(Date.UTC(year, month, Math.min(d, last)) / DAY_MS);
}

/** The last day of the month that contains `iso`. */
export function monthEnd(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  return isoFromDayNumber(Date.UTC(y, m, 0) / DAY_MS);
}

/** The calendar year of an ISO day. */
export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}
