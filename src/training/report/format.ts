/** Number and date formatting for the report: fixed locale, so the same input always gives the same text. */
import { esc } from './svg/markup.js';

/** Missing values are shown as an em dash. */
export const DASH = '—';

/** A number with `digits` decimals ("0.812"), or — for null. */
export const fmtNum = (v: number | null | undefined, digits = 3) => (v === null || v === undefined ? DASH : v.toFixed(digits));

/** A share as a percentage ("4.2 %"), or —. */
export const fmtPct = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined ? DASH : `${(100 * v).toFixed(digits)} %`;

/** An integer with thousands separators ("12,345"). */
export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');

/** A list of dates, shortened in the middle when long: "2025-02-28, 2025-03-31 … 2025-10-31 (9 cutoffs)". */
export function fmtDates(dates: readonly string[]): string {
  if (dates.length <= 3) return dates.join(', ');
  return `${dates[0]}, ${dates[1]} … ${dates[dates.length - 1]} (${dates.length} cutoffs)`;
}

/** A feature name in business words when no label is given: "failed_payments_30d" → "Failed payments 30d". */
export const humanise = (name: string) => {
  const words = name.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Escaped cell text. */
export const cell = (text: string | number) => esc(text);
