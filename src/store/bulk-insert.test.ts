import { afterAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../test/helpers/stores.js';
import { isChurnError } from '../errors/index.js';
import type { Store } from './index.js';

afterAll(closeAllStores);

const customerColumns = [
  'customer_id',
  'signup_date',
  'birth_year',
  'gender',
  'region',
  'city',
  'device_type',
  'acquisition_channel',
];
const customer = (id: string, city: string | null = null, birthYear: number | null = null) => [
  id,
  '2025-01-01',
  birthYear,
  null,
  'West',
  city,
  'Web',
  'Organic',
];
const upsert = { onConflict: 'upsert', conflictColumns: ['customer_id'] } as const;

// Text that breaks naive CSV, SQL or PostgreSQL array-literal encoding.
const awkward = ['a,b', 'say "hi"', '{x,y}', 'back\\slash', 'NULL', '', 'line\nbreak', 'zürich – 東京', "it's", ' padded '];

async function count(s: Store, table: string): Promise<number> {
  const [{ n }] = await s.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
  return n;
}

async function storeErrorReason(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return isChurnError(e, 'CHURN_ERR_STORE') ? e.context.reason : `not a store error: ${String(e)}`;
  }
  return 'no error';
}

describe.each(engines)('bulk insert on $name', ({ open }) => {
  it('writes 12,345 rows across many statements and returns the count', async () => {
    const s = await open();
    const rows = Array.from({ length: 12_345 }, (_, i) => customer(`C${i}`, `city ${i % 7}`, 1950 + (i % 50)));
    expect(await s.insertMany('customers', customerColumns, rows)).toBe(12_345);
    const [sums] = await s.all<{ n: number; years: number }>('SELECT COUNT(*) AS n, SUM(birth_year) AS years FROM customers');
    expect(sums).toEqual({ n: 12_345, years: rows.reduce((a, r) => a + Number(r[2]), 0) });
  });

  it('round-trips awkward text, nulls and floats exactly', async () => {
    const s = await open();
    await s.insertMany(
      'customers',
      customerColumns,
      awkward.map((city, i) => customer(`A${i}`, city)),
    );
    const cities = await s.all<{ city: string }>('SELECT city FROM customers ORDER BY customer_id');
    expect(cities.map((r) => r.city)).toEqual(awkward);
    const prices = [0.1, 9.99, 1e-300, 1234.5678, 0];
    await s.insertMany(
      'subscriptions',
      ['subscription_id', 'customer_id', 'plan_type', 'billing_cycle', 'monthly_price', 'start_date', 'end_date', 'auto_renew'],
      prices.map((p, i) => [`S${i}`, 'A0', 'Basic', 'monthly', p, '2025-02-01', i % 2 ? '2025-03-01' : null, true]),
    );
    const subs = await s.all('SELECT monthly_price, end_date, auto_renew FROM subscriptions ORDER BY subscription_id');
    expect(subs).toEqual(prices.map((p, i) => ({ monthly_price: p, end_date: i % 2 ? '2025-03-01' : null, auto_renew: 1 })));
  });

  it('upsert keeps the last row of a key repeated within one call', async () => {
    const s = await open();
    const rows = [customer('D1', 'first'), customer('D2', 'only'), customer('D1', 'second'), customer('D1', 'third')];
    expect(await s.insertMany('customers', customerColumns, rows, upsert)).toBe(2);
    expect(await s.all('SELECT customer_id, city FROM customers ORDER BY customer_id')).toEqual([
      { customer_id: 'D1', city: 'third' },
      { customer_id: 'D2', city: 'only' },
    ]);
    await s.insertMany('customers', customerColumns, [customer('D2', 'updated')], { ...upsert, distinctKeys: true });
    expect(await s.all("SELECT city FROM customers WHERE customer_id = 'D2'")).toEqual([{ city: 'updated' }]);
    expect(await count(s, 'customers')).toBe(2);
  });

  it('ignore keeps existing rows and counts only new ones', async () => {
    const s = await open();
    await s.insertMany('customers', customerColumns, [customer('E1', 'kept')]);
    const written = await s.insertMany('customers', customerColumns, [customer('E1', 'dropped'), customer('E2')], {
      onConflict: 'ignore',
      conflictColumns: ['customer_id'],
    });
    expect(written).toBe(1);
    expect(await s.all("SELECT city FROM customers WHERE customer_id = 'E1'")).toEqual([{ city: 'kept' }]);
  });

  it('a duplicate key with onConflict error is a store error and writes nothing of that call', async () => {
    const s = await open();
    await s.insertMany('customers', customerColumns, [customer('F1')]);
    const rows = [customer('F2'), ...Array.from({ length: 6000 }, (_, i) => customer(`G${i}`)), customer('F1')];
    expect(await storeErrorReason(s.insertMany('customers', customerColumns, rows))).toBe('unique_violation');
    expect(await count(s, 'customers')).toBe(1);
  });

  it('maps a missing parent to foreign_key_violation and a missing table to missing_table', async () => {
    const s = await open();
    const usage = [['nobody', '2025-01-01', 1, 1, 0]];
    const cols = ['customer_id', 'activity_date', 'sessions', 'minutes', 'crashes'];
    expect(await storeErrorReason(s.insertMany('usage_daily', cols, usage))).toBe('foreign_key_violation');
    expect(await storeErrorReason(s.all('SELECT * FROM no_such_table'))).toBe('missing_table');
    await expect(s.all('SELECT * FROM no_such_table')).rejects.toThrow('churn db migrate');
  });

  it('reports a broken statement as a store error carrying the SQL', async () => {
    const s = await open();
    const error = await s.all('SELEC 1').catch((e: unknown) => e);
    expect(isChurnError(error, 'CHURN_ERR_STORE') && error.context).toMatchObject({ reason: 'syntax', sql: 'SELEC 1' });
  });
});
