/** Turns the snapshot query's aggregates into catalogue features: ratios, trends, recencies, renewal dates, rounding. */
import { ticketCategories } from '../data/contract/enums.js';
import { snapshotFeatures } from './catalogue-snapshot.js';
import { dayNumber, yearOf } from './dates.js';
import { type Category, type FeatureFrame, type FrameColumn, selectRows } from './frame.js';
import type { QueryTable } from './query-table.js';

type Value = number | string | null;

/** Number or NaN; sums of reals are rounded to 6 decimals so both engines (whose summation order differs) agree. */
function num(v: unknown): number {
  if (v === null || v === undefined) return Number.NaN;
  const n = Number(v);
  return Number.isInteger(n) ? n : Math.round(n * 1e6) / 1e6;
}
const count = (v: unknown) => (v === null || v === undefined ? 0 : num(v));
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1e6) / 1e6 : Number.NaN);
const trend = (last: number, prev: number) => ratio(last - prev, last + prev);

/** Day numbers and renewal distances repeat across customers (a few hundred distinct dates): compute each once per snapshot. */
class DayCache {
  private readonly days = new Map<string, number>();
  private readonly renewals = new Map<string, number>();
  private readonly cutoffDay: number;
  /** Calendar year of the cutoff (ages). */
  readonly year: number;
  constructor(readonly cutoff: string) {
    this.cutoffDay = dayNumber(cutoff);
    this.year = yearOf(cutoff);
  }
  since(iso: unknown): number {
    if (typeof iso !== 'string') return Number.NaN;
    let d = this.days.get(iso);
    if (d === undefined) {
      d = dayNumber(iso);
      this.days.set(iso, d);
    }
    return this.cutoffDay - d;
  }
  renewal(start: string, cycle: string): number {
    const key = `${start}|${cycle}`;
    let d = this.renewals.get(key);
    if (d === undefined) {
      d = daysToRenewal(start, cycle, this.cutoff, this.cutoffDay);
      this.renewals.set(key, d);
    }
    return d;
  }
}

/**
 * Days from the cutoff to the next renewal: the first start date + k whole billing cycles after the cutoff. Computed on
 * day numbers with addMonths' clamping (Jan 31 + 1 month = Feb 28/29), never through ISO strings: it runs for every
 * distinct subscription start of every snapshot, where string round trips cost ~35 ms a 5,000-customer snapshot.
 */
export function daysToRenewal(start: string, billingCycle: string, cutoff: string, cutoffDay = dayNumber(cutoff)): number {
  const months = billingCycle === 'annual' ? 12 : billingCycle === 'monthly' ? 1 : 0;
  if (!months) return Number.NaN;
  const [y, m, d] = [yearOf(start), Number(start.slice(5, 7)), Number(start.slice(8, 10))];
  const elapsed = (yearOf(cutoff) - y) * 12 + Number(cutoff.slice(5, 7)) - m;
  let k = Math.max(1, Math.floor(elapsed / months) - 1); // lands in a month before the cutoff's, so never past it
  while (monthsLater(y, m, d, k * months) <= cutoffDay) k++;
  return monthsLater(y, m, d, k * months) - cutoffDay;
}

/** Day number of the day (y, m, d) plus `months` calendar months, the day clamped to the month's length (as addMonths). */
function monthsLater(y: number, m: number, d: number, months: number): number {
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = (Date.UTC(year, month + 1, 1) - Date.UTC(year, month, 1)) / DAY_MS;
  return Date.UTC(year, month, Math.min(d, last)) / DAY_MS;
}

const DAY_MS = 86_400_000;

type Extract = (r: readonly unknown[], days: DayCache) => Value;

/** How each feature is read from a query row (an array), built once per query from its column positions. */
function extractors(columns: readonly string[]): Map<string, Extract> {
  const at = new Map(columns.map((c, i) => [c, i]));
  const col = (name: string) => {
    const i = at.get(name);
    if (i === undefined) throw new Error(`snapshot query returned no column ${name}`);
    return i;
  };
  const I = Object.fromEntries(
    [
      'auto_renew',
      'billing_cycle',
      'birth_year',
      'churned',
      'csat_n_90',
      'csat_sum_90',
      'customer_id',
      'days_30',
      'discount_pct',
      'last_activity_date',
      'last_failed_payment_date',
      'last_ticket_date',
      'minutes_30',
      'minutes_prev',
      'monthly_price',
      'sessions_30',
      'sessions_prev',
      'signup_date',
      'subscription_start',
    ].map((n) => [n, col(n)]),
  );
  const x = new Map<string, Extract>();
  const sumOf = (key: string): Extract => {
    const i = col(key);
    return (r) => count(r[i]);
  };
  for (const w of [7, 30, 90]) {
    const [s, d, m, c] = [`sessions_${w}`, `days_${w}`, `minutes_${w}`, `crashes_${w}`].map(col);
    x.set(`total_sessions_${w}d`, (r) => count(r[s]));
    x.set(`active_days_${w}d`, (r) => count(r[d]));
    x.set(`total_minutes_${w}d`, (r) => count(r[m]));
    x.set(`avg_session_minutes_${w}d`, (r) => ratio(count(r[m]), count(r[s])));
    x.set(`total_crashes_${w}d`, (r) => count(r[c]));
  }
  x.set('total_sessions_prev_30d', sumOf('sessions_prev'));
  x.set('total_minutes_prev_30d', sumOf('minutes_prev'));
  x.set('sessions_trend_30d', (r) => trend(count(r[I.sessions_30]), count(r[I.sessions_prev])));
  x.set('minutes_trend_30d', (r) => trend(count(r[I.minutes_30]), count(r[I.minutes_prev])));
  x.set('days_since_last_activity', (r, days) => days.since(r[I.last_activity_date]));
  x.set('inactive_30d', (r) => (count(r[I.days_30]) === 0 ? 1 : 0));
  for (const w of [30, 90]) {
    x.set(`successful_payments_${w}d`, sumOf(`success_n_${w}`));
    x.set(`failed_payments_${w}d`, sumOf(`failed_n_${w}`));
    x.set(`total_amount_success_${w}d`, sumOf(`success_amount_${w}`));
    x.set(`total_amount_failed_${w}d`, sumOf(`failed_amount_${w}`));
    x.set(`support_tickets_${w}d`, sumOf(`tickets_${w}`));
    for (const c of ticketCategories) x.set(`support_tickets_${c}_${w}d`, sumOf(`tickets_${c}_${w}`));
    const [sum, n] = [`resolution_sum_${w}`, `resolution_n_${w}`].map(col);
    x.set(`avg_resolution_time_${w}d`, (r) => ratio(count(r[sum]), count(r[n])));
  }
  x.set('refunds_90d', sumOf('refunds_90'));
  x.set('total_amount_refunded_90d', sumOf('refunded_amount_90'));
  x.set('days_since_last_failed_payment', (r, days) => days.since(r[I.last_failed_payment_date]));
  x.set('unresolved_tickets', sumOf('unresolved'));
  x.set('avg_csat_90d', (r) => ratio(count(r[I.csat_sum_90]), count(r[I.csat_n_90])));
  x.set('days_since_last_ticket', (r, days) => days.since(r[I.last_ticket_date]));
  x.set('tenure_days', (r, days) => days.since(r[I.signup_date]));
  x.set('subscription_age_days', (r, days) => days.since(r[I.subscription_start]));
  x.set('monthly_price', (r) => num(r[I.monthly_price]));
  x.set('discount_pct', (r) => num(r[I.discount_pct]));
  x.set('auto_renew', (r) => num(r[I.auto_renew]));
  x.set('days_to_renewal', (r, days) => days.renewal(String(r[I.subscription_start]), String(r[I.billing_cycle])));
  x.set('plan_changes_90d', sumOf('plan_changes_90'));
  x.set('downgraded_90d', sumOf('downgraded_90'));
  x.set('previous_subscriptions', sumOf('previous_subscriptions'));
  x.set('age', (r, days) =>
    r[I.birth_year] === null || r[I.birth_year] === undefined ? Number.NaN : days.year - Number(r[I.birth_year]),
  );
  for (const name of ['plan_type', 'billing_cycle', 'region', 'device_type', 'acquisition_channel']) {
    const i = col(name);
    x.set(name, (r) => (typeof r[i] === 'string' ? (r[i] as string) : null));
  }
  return x;
}

/** Builds the snapshot frame (and the raw 0/1 churn flag per row) from the query rows. */
export function finishSnapshot(table: QueryTable, cutoff: string): { frame: FeatureFrame; churned: Uint8Array } {
  const { rows } = table;
  const n = rows.length;
  const readers = extractors(table.columns);
  const [idColumn, churnColumn] = [table.columns.indexOf('customer_id'), table.columns.indexOf('churned')];
  const columns: Record<string, FrameColumn> = {};
  for (const f of snapshotFeatures)
    columns[f.name] = f.type === 'categorical' ? new Array<Category>(n).fill(null) : new Float64Array(n);
  const churned = new Uint8Array(n);
  const customerId = new Array<string>(n);
  const days = new DayCache(cutoff);
  const numeric: [Float64Array, Extract][] = [];
  const labels: [Category[], Extract][] = [];
  for (const f of snapshotFeatures) {
    const c = columns[f.name];
    const read = readers.get(f.name);
    if (!read) throw new Error(`snapshot feature ${f.name} has no reader`);
    if (c instanceof Float64Array) numeric.push([c, read]);
    else labels.push([c, read]);
  }
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    customerId[i] = String(r[idColumn]);
    churned[i] = Number(r[churnColumn]);
    for (const [c, read] of numeric) c[i] = read(r, days) as number;
    for (const [c, read] of labels) c[i] = read(r, days) as Category;
  }
  // Both engines get the same byte-order sort (PostgreSQL's ORDER BY follows the database collation).
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) =>
    customerId[a] < customerId[b] ? -1 : customerId[a] > customerId[b] ? 1 : 0,
  );
  const sorted = order.every((v, i) => v === i);
  const frame: FeatureFrame = { nRows: n, customerId, cutoff: new Array<string>(n).fill(cutoff), columns };
  if (sorted) return { frame, churned };
  return { frame: selectRows(frame, order), churned: Uint8Array.from(order, (i) => churned[i]) };
}
