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

/** Year, month (1–12) and day of a day number (Hinnant's civil-from-days; no Date allocation on the hot path). */
export function civilOf(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Day number of a civil date (Hinnant's days-from-civil). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const monthLength = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];

/**
 * The day `months` calendar months after `anchor`, keeping the anchor's day of month and clamping it to
 * the month's length (Jan 31 + 1 month = Feb 28), as billing systems do.
 */
export function addMonths(anchor: number, months: number): number {
  const [y, m, d] = civilOf(anchor);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return dayFromCivil(year, month, Math.min(d, monthLength(year, month)));
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
