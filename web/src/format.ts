/** Number formatting in the words a retention manager reads: percentages, money, counts. */

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const money2 = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 2 });

/** 0.1234 → "12.3%". */
export const pct = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(digits)}%`;
/** 12345.6 → "12,346". */
export const count = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : int.format(v);
/** 12345.6 → "$12,346" (cents under $100). */
export const usd = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : Math.abs(v) < 100 ? money2.format(v) : money.format(v);
/** A metric with 3 decimals. */
export const num3 = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(3) : '—');
/** An ISO timestamp as a short local date-time. */
export const when = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '—';
/** snake_case feature → "Snake case". */
export const label = (name: string) => {
  const s = name.replaceAll('_', ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};
