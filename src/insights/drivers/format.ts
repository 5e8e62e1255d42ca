/** Number formatting for sentences a retention manager reads: counts, amounts, percentages, durations. */

const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A count or measure: whole numbers as such, others to one decimal ("1,234", "2.5"). */
export function formatNumber(x: number): string {
  // Whole numbers below 1,000 read the same as String gives them (no separator; "-0" excluded): the formatter's call
  // is the costly part of a driver sentence. Everything else goes through the formatter.
  if (Number.isInteger(x) && x > -1000 && x < 1000) return x === 0 ? '0' : String(x);
  return oneDecimal.format(x === 0 ? 0 : x); // no "-0"
}

/** A money amount with two decimals, optionally prefixed by a currency symbol ("€14.99"). */
export function formatMoney(x: number, currency = ''): string {
  return `${currency}${twoDecimals.format(x)}`;
}

/** A share as a percentage with a space before the sign, as in "60 %"; `fraction` 0.6 → "60 %". */
export function formatPercent(fraction: number): string {
  return `${formatNumber(Math.round(fraction * 1000) / 10)} %`;
}

/** Always signed, with a true minus: `decimals` places, or two significant digits when smaller ("+0.42", "−0.0031"). */
export function formatSigned(x: number, decimals: number): string {
  const abs = Math.abs(x);
  const digits = abs === 0 || abs >= 10 ** -decimals ? abs.toFixed(decimals) : String(Number(abs.toPrecision(2)));
  return `${x < 0 ? '−' : '+'}${digits}`;
}

/** "1 failed payment", "3 failed payments": the noun's plural is `plural` or noun + "s". */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${formatNumber(n)} ${n === 1 ? noun : plural}`;
}

/** A tenure or age in days, in the unit a person would say: "45 days", "14 months", "3 years 2 months". */
export function formatDuration(days: number): string {
  if (days < 60) return countOf(Math.round(days), 'day');
  const months = Math.floor(days / 30.4375); // mean Gregorian month
  if (months < 24) return countOf(months, 'month');
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest === 0 ? countOf(years, 'year') : `${countOf(years, 'year')} ${countOf(rest, 'month')}`;
}

/** "in the last 30 days" for a window, or "" for a feature without one. */
export function windowPhrase(windowDays: number | undefined): string {
  return windowDays === undefined ? '' : ` in the last ${windowDays} days`;
}

/** A feature name in plain words: `total_sessions_30d` → "total sessions (last 30 days)". */
export function humanise(base: string, windowDays?: number): string {
  const words = base.replaceAll('_', ' ').trim();
  return windowDays === undefined ? words : `${words} (last ${windowDays} days)`;
}
