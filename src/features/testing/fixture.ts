/** Hand-built businesses for tests: a few customers with exactly the rows a test needs, inserted into any store. */
import { contracts, type RawTableName } from '../../data/index.js';
import type { Store } from '../../store/index.js';

type Cells = Record<string, unknown>;

/** Collects raw rows by table (column names as in the contract) and writes them in load order. */
export class BusinessFixture {
  readonly rows: Record<RawTableName, Cells[]> = {
    customers: [],
    subscriptions: [],
    usage_daily: [],
    payments: [],
    support_tickets: [],
  };
  private seq = 0;

  customer(id: string, at: Partial<Cells> = {}): this {
    this.rows.customers.push({
      customer_id: id,
      signup_date: '2024-01-01',
      birth_year: 1990,
      gender: null,
      region: 'North',
      city: null,
      device_type: 'iOS',
      acquisition_channel: 'Ads',
      ...at,
    });
    return this;
  }

  subscription(customerId: string, start: string, end: string | null, at: Partial<Cells> = {}): this {
    this.rows.subscriptions.push({
      subscription_id: `S${++this.seq}`,
      customer_id: customerId,
      plan_type: 'Standard',
      billing_cycle: 'monthly',
      monthly_price: 10,
      discount_pct: 0,
      start_date: start,
      end_date: end,
      cancel_reason: end ? 'price' : null,
      auto_renew: 1,
      ...at,
    });
    return this;
  }

  usage(customerId: string, date: string, sessions = 1, minutes = 10, crashes = 0): this {
    this.rows.usage_daily.push({ customer_id: customerId, activity_date: date, sessions, minutes, crashes });
    return this;
  }

  payment(customerId: string, date: string, amount: number, status = 'success'): this {
    this.rows.payments.push({
      payment_id: `P${++this.seq}`,
      customer_id: customerId,
      subscription_id: null,
      paid_at: date,
      amount,
      status,
      method: 'card',
      failure_reason: status === 'failed' ? 'card_expired' : null,
      attempt: 1,
    });
    return this;
  }

  ticket(customerId: string, opened: string, at: Partial<Cells> = {}): this {
    this.rows.support_tickets.push({
      ticket_id: `T${++this.seq}`,
      customer_id: customerId,
      opened_at: opened,
      category: 'technical',
      resolution_hours: null,
      resolved: 0,
      csat: null,
      ...at,
    });
    return this;
  }

  /** Inserts every collected row (parents first). */
  insert(store: Store): Promise<void> {
    return insertTables(store, this.rows);
  }
}

/** Inserts raw rows keyed by table, parents first (contract column order). */
export async function insertTables(store: Store, tables: BusinessFixture['rows']): Promise<void> {
  for (const table of Object.keys(tables) as RawTableName[]) {
    const cols = contracts[table].columns;
    await store.insertMany(
      table,
      cols,
      tables[table].map((r) => cols.map((c) => r[c] ?? null)),
    );
  }
}

/** Empties the raw tables (children first) so one store can hold several variants in turn. */
export async function clearTables(store: Store): Promise<void> {
  for (const table of ['support_tickets', 'payments', 'usage_daily', 'subscriptions', 'customers'])
    await store.run(`DELETE FROM ${table}`);
}
