/** A cheap fingerprint of the raw tables (counts, sums, lengths, date ranges), to tell whether a saved training set is stale. */
import { createHash } from 'node:crypto';
import type { TSchema } from '@sinclair/typebox';
import { contracts, rawTableNames } from '../../data/index.js';
import type { Store } from '../../store/index.js';

const isNumeric = (s: TSchema): boolean =>
  s.type === 'number' || s.type === 'integer' || (Array.isArray(s.anyOf) && (s.anyOf as TSchema[]).some(isNumeric));

/**
 * SHA-256 over one aggregate row per raw table: row count, the sum of every numeric column, the summed length of every
 * text column and the date column's range. Any insert, delete or edit of a number, a date or the length of a label
 * changes it; an edit that keeps every sum and length (swapping two labels of equal length) would not — the saved
 * set is then reused, which is why `churn train --rebuild` exists.
 */
export async function storeFingerprint(store: Store): Promise<string> {
  const h = createHash('sha256');
  h.update(store.engine);
  for (const table of rawTableNames) {
    const c = contracts[table];
    const parts = ['COUNT(*) AS n'];
    for (const [i, col] of c.columns.entries()) {
      const schema = c.schema.properties[col] as TSchema;
      parts.push(isNumeric(schema) ? `SUM(${col}) AS s${i}` : `SUM(LENGTH(CAST(${col} AS TEXT))) AS l${i}`);
    }
    if (c.dateColumn) parts.push(`MIN(${c.dateColumn}) AS first_day`, `MAX(${c.dateColumn}) AS last_day`);
    const [row] = await store.all<Record<string, unknown>>(`SELECT ${parts.join(', ')} FROM ${table}`);
    // Engines return sums as numbers or numeric strings; a fixed rendering keeps the hash engine-independent per value.
    const values = Object.keys(row)
      .sort()
      .map((k) => `${k}=${normalise(row[k])}`);
    h.update(`${table}:${values.join(';')}\n`);
  }
  return h.digest('hex');
}

function normalise(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(v) ? Number(v) : Number.NaN;
  return Number.isNaN(n) ? String(v) : n.toPrecision(12);
}
