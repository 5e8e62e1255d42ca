/** Test support: a generated business held in memory as typed rows, grouped per customer, with churn helpers. */
import type { Customer, Payment, RawTableName, Subscription, SupportTicket, UsageDaily } from '../contract/index.js';
import { contracts } from '../contract/index.js';
import type { RowArray } from './batch.js';
import { dayOf } from './calendar.js';
import { generateBusiness } from './generate.js';
import type { GenerateOptions } from './options.js';
import { memorySink } from './sinks/memory-sink.js';
import type { GenerateSummary } from './summary.js';

/** Everything one customer did, each list in date order. */
export interface History {
  customer: Customer;
  subs: Subscription[];
  usage: UsageDaily[];
  payments: Payment[];
  tickets: SupportTicket[];
  /** Day numbers of `usage` rows, and of each subscription's start and end (end = Infinity while active). */
  usageDays: number[];
  subSpans: { start: number; end: number }[];
}

/** A generated business as objects. */
export interface Business {
  summary: GenerateSummary;
  customers: Customer[];
  subscriptions: Subscription[];
  usage: UsageDaily[];
  payments: Payment[];
  tickets: SupportTicket[];
  histories: History[];
  raw: Record<RawTableName, RowArray[]>;
}

/** Row arrays → objects keyed by the contract's column names. */
export function asObjects<T>(table: RawTableName, rows: RowArray[]): T[] {
  const cols = contracts[table].columns;
  return rows.map((r) => Object.fromEntries(cols.map((c, i) => [c, r[i]])) as T);
}

/** Generates into memory and groups rows per customer. */
export async function generateForTest(options: GenerateOptions): Promise<Business> {
  const sink = memorySink();
  const summary = await generateBusiness(options, sink);
  const t = sink.tables;
  const b: Business = {
    summary,
    customers: asObjects<Customer>('customers', t.customers),
    subscriptions: asObjects<Subscription>('subscriptions', t.subscriptions),
    usage: asObjects<UsageDaily>('usage_daily', t.usage_daily),
    payments: asObjects<Payment>('payments', t.payments),
    tickets: asObjects<SupportTicket>('support_tickets', t.support_tickets),
    histories: [],
    raw: t,
  };
  const byId = new Map<string, History>();
  for (const customer of b.customers) {
    const h: History = { customer, subs: [], usage: [], payments: [], tickets: [], usageDays: [], subSpans: [] };
    byId.set(customer.customer_id, h);
    b.histories.push(h);
  }
  for (const s of b.subscriptions) byId.get(s.customer_id)?.subs.push(s);
  for (const u of b.usage) byId.get(u.customer_id)?.usage.push(u);
  for (const p of b.payments) byId.get(p.customer_id)?.payments.push(p);
  for (const k of b.tickets) byId.get(k.customer_id)?.tickets.push(k);
  for (const h of b.histories) {
    h.usageDays = h.usage.map((u) => dayOf(u.activity_date));
    h.subSpans = h.subs.map((s) => ({ start: dayOf(s.start_date), end: s.end_date === null ? Infinity : dayOf(s.end_date) }));
  }
  return b;
}

/** A churn: a subscription row that ended for a reason other than a plan change. */
export const isChurn = (s: Subscription) => s.end_date !== null && s.cancel_reason !== 'plan_change';

/** Voluntary churn: any churn except payment failure. */
export const isVoluntaryChurn = (s: Subscription) => isChurn(s) && s.cancel_reason !== 'payment_failed';

/** The row active on `day`, if any. */
export function activeOn(h: History, day: number): Subscription | undefined {
  const i = h.subSpans.findIndex((s) => s.start <= day && s.end >= day);
  return i < 0 ? undefined : h.subs[i];
}

/** Index of the first usage row dated on or after `day`. */
function firstUsageFrom(h: History, day: number): number {
  let lo = 0;
  let hi = h.usageDays.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (h.usageDays[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Active days, sessions and minutes in [from, to]. */
export function usageIn(h: History, from: number, to: number) {
  let days = 0;
  let sessions = 0;
  let minutes = 0;
  for (let i = firstUsageFrom(h, from); i < h.usage.length && h.usageDays[i] <= to; i++) {
    const u = h.usage[i];
    days++;
    sessions += u.sessions;
    minutes += u.minutes;
  }
  return { days, sessions, minutes };
}

/** Mean of a list (NaN when empty). */
export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Churn events per 30 customer-days of exposure among `rows` (each row's exposure clipped to the window). */
export function churnPerMonth(rows: Subscription[], windowEnd: number, windowStart: number): number {
  let events = 0;
  let days = 0;
  for (const s of rows) {
    const from = Math.max(windowStart, dayOf(s.start_date));
    const to = s.end_date === null ? windowEnd : dayOf(s.end_date);
    if (to < from) continue;
    days += to - from + 1;
    if (isChurn(s)) events++;
  }
  return (30 * events) / days;
}

/** The business the rule tests share: 6,000 customers × 12 months from 2025-01-01, seed 2024, default 4 % churn. */
export const ruleBusinessOptions = { customers: 6000, months: 12, seed: 2024 } as const;
export const windowStart = dayOf('2025-01-01');
export const windowEnd = dayOf('2025-12-31');

/** Tenure bucket of a customer on a day: < 6 months, < 1 year, < 2 years, older. */
export function tenureBucket(h: History, day: number): number {
  const t = day - dayOf(h.customer.signup_date);
  return t < 182 ? 0 : t < 365 ? 1 : t < 730 ? 2 : 3;
}

/** Voluntary and involuntary churn days of a customer. */
export const churnDays = (h: History) => h.subs.filter(isChurn).map((s) => dayOf(s.end_date!));

/** True when the customer churns in [from, to]. */
export const churnsBetween = (h: History, from: number, to: number) => churnDays(h).some((d) => d >= from && d <= to);
