/** The simulation calendar: integer day numbers, ISO strings, month boundaries and billing anniversaries. */

const MS_PER_DAY = 86_400_000;

/** Day number (days since 1970-01-01, UTC) of an ISO date. */
export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

/** ISO `YYYY-MM-DD` of a day number. */
export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** True when `iso` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(iso: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) && isoOf(dayOf(iso)) === iso;
}

/**
 * The day `months` calendar months after `anchor`, keeping the anchor's day of month and clamping it to
 * the month's length (Jan 31 + 1 month = Feb 28), as billing systems do.
 */
export function addMonths(anchor: number, months: number): number {
  const d = new Date(anchor * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)) / MS_PER_DAY);
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;

/** Day of year, 0-based. */
export function dayOfYear(day: number): number {
  const y = new Date(day * MS_PER_DAY).getUTCFullYear();
  return day - Math.round(Date.UTC(y, 0, 1) / MS_PER_DAY);
}

/** The observed window: `months` months from `start`, with ISO strings cached for every day it can print. */
export class Calendar {
  readonly startDay: number;
  /** Last observed day (inclusive). */
  readonly endDay: number;
  /** First day of each simulated month, plus the day after the window as a sentinel. */
  readonly monthStarts: number[];
  private readonly firstCached: number;
  private readonly cache: string[];

  constructor(start: string, months: number, historyDays: number) {
    this.startDay = dayOf(start);
    this.monthStarts = Array.from({ length: months + 1 }, (_, m) => addMonths(this.startDay, m));
    this.endDay = this.monthStarts[months] - 1;
    this.firstCached = this.startDay - historyDays;
    this.cache = Array.from({ length: this.endDay - this.firstCached + 1 }, (_, i) => isoOf(this.firstCached + i));
  }

  /** ISO string of a day (cached inside the window and its history). */
  iso(day: number): string {
    const i = day - this.firstCached;
    return i >= 0 && i < this.cache.length ? this.cache[i] : isoOf(day);
  }

  /** Index of the simulated month that holds `day` (-1 before the window). */
  monthIndex(day: number): number {
    const s = this.monthStarts;
    if (day < s[0]) return -1;
    let lo = 0;
    let hi = s.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= day) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
