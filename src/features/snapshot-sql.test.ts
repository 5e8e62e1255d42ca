import { describe, expect, it } from 'vitest';
import { postgresDialect, sqliteDialect } from '../store/index.js';
import { snapshotQuery } from './snapshot-sql.js';

describe.each([sqliteDialect, postgresDialect])('snapshot SQL for $engine', (dialect) => {
  const { sql, params } = snapshotQuery(dialect, '2025-04-30', 30);

  it('binds only dates computed from the cutoff: window starts, the cutoff and the horizon end', () => {
    expect([...new Set(params)].sort()).toEqual([
      '2025-01-31',
      '2025-03-02',
      '2025-04-01',
      '2025-04-24',
      '2025-04-30',
      '2025-05-30',
    ]);
    expect(params.length).toBe((sql.match(/\?/g) ?? []).length);
  });

  it('is one statement with no literal date and no unbounded maximum of a table', () => {
    expect(sql.trim().startsWith('WITH active AS (')).toBe(true);
    expect(sql).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(sql).not.toContain(';');
    // Every MAX over a date column is either grouped per customer or bounded by the cutoff in the same subquery.
    const subqueries = [...sql.matchAll(/\(SELECT MAX\([^)]*\)[^)]*\)/g)].map((m) => m[0]);
    expect(subqueries.length).toBe(2); // last activity, last failed payment
    for (const q of subqueries) expect(q).toMatch(/<= \?/);
  });
});
