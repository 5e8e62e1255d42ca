import { afterAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../test/helpers/stores.js';
import { toDollarParams } from './sql.js';

afterAll(closeAllStores);

describe.each(engines)('store on $name', ({ open }) => {
  it('migrates to the newest version once and is idempotent', async () => {
    const s = await open();
    const versions = await s.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((v) => Number(v.version))).toEqual([1, 2, 3, 4]);
    expect(await s.migrate()).toEqual([]);
  });

  it('round-trips dates as ISO strings and numbers as numbers', async () => {
    const s = await open();
    await s.insertMany(
      'customers',
      ['customer_id', 'signup_date', 'birth_year', 'gender', 'region', 'city', 'device_type', 'acquisition_channel'],
      [['C1', '2025-01-05', 1990, 'Female', 'North', null, 'iOS', 'Ads']],
    );
    const rows = await s.all(
      'SELECT customer_id, signup_date, birth_year, COUNT(*) AS n FROM customers GROUP BY customer_id, signup_date, birth_year',
    );
    expect(rows).toEqual([{ customer_id: 'C1', signup_date: '2025-01-05', birth_year: 1990, n: 1 }]);
    const [d] = await s.all<{ d: number }>(
      `SELECT ${s.dialect.daysBetween(s.dialect.dateParam(), 'signup_date')} AS d FROM customers`,
      ['2025-01-01'],
    );
    expect(Number(d.d)).toBe(4);
  });

  it('upserts by primary key so re-inserting adds nothing', async () => {
    const s = await open();
    const cols = ['customer_id', 'signup_date', 'birth_year', 'gender', 'region', 'city', 'device_type', 'acquisition_channel'];
    const rows = Array.from({ length: 2500 }, (_, i) => [`C${i}`, '2025-01-01', null, null, 'West', null, 'Web', 'Organic']);
    expect(await s.insertMany('customers', cols, rows, { onConflict: 'upsert', conflictColumns: ['customer_id'] })).toBe(2500);
    await s.insertMany('customers', cols, rows, { onConflict: 'upsert', conflictColumns: ['customer_id'] });
    const [{ n }] = await s.all<{ n: number }>('SELECT COUNT(*) AS n FROM customers');
    expect(n).toBe(2500);
  });

  it('rolls a failed transaction back completely', async () => {
    const s = await open();
    await expect(
      s.transaction(async (tx) => {
        await tx.run(
          "INSERT INTO api_keys (key_id, name, key_hash, scopes, created_at) VALUES ('k1', 'n', 'h', 'predict', 'now')",
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await s.all('SELECT * FROM api_keys')).toEqual([]);
  });
});

describe('placeholder rewriting', () => {
  it('numbers ? outside quotes only', () => {
    expect(toDollarParams("SELECT '?' AS q, a FROM t WHERE b = ? AND c = ?")).toBe(
      "SELECT '?' AS q, a FROM t WHERE b = $1 AND c = $2",
    );
  });
});
