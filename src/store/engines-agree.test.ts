import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../test/helpers/stores.js';
import type { Store } from './index.js';

afterAll(closeAllStores);

// One small business loaded into every engine; each query below must give the same rows on all of them.
const customers = [
  ['c_b', '2025-01-31', 1980, 'Male', 'North', 'Bergen', 'iOS', 'Ads'],
  ['C-a', '2024-12-30', null, null, 'South', null, 'Web', 'Organic'],
  ['c.c', '2025-02-28', 2001, 'Other', 'North', 'Oslo', 'Android', 'Referral'],
];
const usage = [
  ['c_b', '2025-02-01', 3, 42.5, 0],
  ['c_b', '2025-03-01', 1, 7.25, 2],
  ['C-a', '2025-01-01', 2, 0, 1],
  ['c.c', '2025-03-01', 5, 100, 0],
];

const queries: Record<string, (s: Store) => [string, unknown[]]> = {
  'byte-wise text order': (s) => [`SELECT customer_id FROM customers ORDER BY ${s.dialect.byteOrder('customer_id')}`, []],
  'days between dates': (s) => [
    `SELECT customer_id, ${s.dialect.daysBetween('signup_date', s.dialect.dateParam())} AS d FROM customers ORDER BY ${s.dialect.byteOrder('customer_id')}`,
    ['2025-03-01'],
  ],
  'date arithmetic comes back as ISO text': (s) => [
    `SELECT ${s.dialect.addDays('signup_date', '30')} AS d FROM customers ORDER BY ${s.dialect.byteOrder('customer_id')}`,
    [],
  ],
  'aggregates with nulls and real division': (s) => [
    `SELECT region, COUNT(*) AS n, COUNT(birth_year) AS known, AVG(birth_year) AS mean,
       ${s.dialect.real('SUM(CASE WHEN gender IS NULL THEN 1 ELSE 0 END)')} / COUNT(*) AS missing_share
     FROM customers GROUP BY region ORDER BY region`,
    [],
  ],
  'join, window by date parameter, rounding': (s) => [
    `SELECT c.customer_id, COUNT(u.activity_date) AS days, COALESCE(SUM(u.minutes), 0) AS minutes,
       ${s.dialect.round('COALESCE(SUM(u.minutes), 0) / 3', 2)} AS third
     FROM customers c LEFT JOIN usage_daily u
       ON u.customer_id = c.customer_id AND u.activity_date <= ${s.dialect.dateParam()}
     GROUP BY c.customer_id ORDER BY ${s.dialect.byteOrder('c.customer_id')}`,
    ['2025-02-15'],
  ],
};

describe('both engines give identical results', () => {
  const results = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    for (const engine of engines) {
      const s = await engine.open();
      await s.insertMany(
        'customers',
        ['customer_id', 'signup_date', 'birth_year', 'gender', 'region', 'city', 'device_type', 'acquisition_channel'],
        customers,
      );
      await s.insertMany('usage_daily', ['customer_id', 'activity_date', 'sessions', 'minutes', 'crashes'], usage);
      const out: Record<string, unknown> = {};
      for (const [name, q] of Object.entries(queries)) out[name] = await s.all(...q(s));
      results.set(engine.name, out);
    }
  });

  it('matches the reference answers on SQLite', () => {
    const sqlite = results.get('sqlite') ?? {};
    expect(sqlite['byte-wise text order']).toEqual([{ customer_id: 'C-a' }, { customer_id: 'c.c' }, { customer_id: 'c_b' }]);
    expect(sqlite['days between dates']).toEqual([
      { customer_id: 'C-a', d: 61 },
      { customer_id: 'c.c', d: 1 },
      { customer_id: 'c_b', d: 29 },
    ]);
    expect(sqlite['date arithmetic comes back as ISO text']).toEqual([
      { d: '2025-01-29' },
      { d: '2025-03-30' },
      { d: '2025-03-02' },
    ]);
    expect(sqlite['aggregates with nulls and real division']).toEqual([
      { region: 'North', n: 2, known: 2, mean: 1990.5, missing_share: 0 },
      { region: 'South', n: 1, known: 0, mean: null, missing_share: 1 },
    ]);
    expect(sqlite['join, window by date parameter, rounding']).toEqual([
      { customer_id: 'C-a', days: 1, minutes: 0, third: 0 },
      { customer_id: 'c.c', days: 0, minutes: 0, third: 0 },
      { customer_id: 'c_b', days: 1, minutes: 42.5, third: 14.17 },
    ]);
  });

  it.runIf(engines.length > 1)('PostgreSQL returns exactly what SQLite returns', () => {
    expect(results.get('postgres')).toEqual(results.get('sqlite'));
  });
});
