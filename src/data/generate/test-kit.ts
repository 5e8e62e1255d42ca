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
    const h: History = { customer, subs: [], usage: [], payments: [], tickets: [] };
    byId.set(customer.customer_id, h);
    b.histories.push(h);
  }
  for (const s of b.subscriptions) byId.get(s.customer_id)?.subs.push(s);
  for (const u of b.usage) byId.get(u.customer_id)?.usage.push(u);
  for (const p of b.payments) byId.get(p.customer_id)?.payments.push(p);
  for (const k of b.tickets) byId.get(k.customer_id)?.tickets.push(k);
  return b;
}

/** A churn: a subscription row that ended for a reason other than a plan change. */
export const isChurn = (s: Subscription) => s.end_date !== null && s.cancel_reason !== 'plan_change';

/** Voluntary churn: any churn except payment failure. */
export const isVoluntaryChurn = (s: Subscription) => isChurn(s) && s.cancel_reason !== 'payment_failed';

/** The row active on `day`, if any. */
export function activeOn(h: History, day: number): Subscription | undefined {
  return h.subs.find((s) => dayOf(s.start_date) <= day && (s.end_date === null || dayOf(s.end_date) >= day));
}

/** Active days, sessions and minutes in [from, to]. */
export function usageIn(h: History, from: number, to: number) {
  let days = 0;
  let sessions = 0;
  let minutes = 0;
  for (const u of h.usage) {
    const d = dayOf(u.activity_date);
    if (d < from || d > to) continue;
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
