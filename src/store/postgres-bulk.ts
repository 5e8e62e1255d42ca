/** PostgreSQL bulk insert: one typed array parameter per column through UNNEST (≈1.6× multi-row VALUES here). */
import { assertIdentifier, conflictClause } from './sql.js';
import type { InsertOptions } from './store.js';

/** Column name → PostgreSQL type name (`udt_name`, e.g. `int4`, `date`, `text`) of one table. */
export type ColumnTypes = ReadonlyMap<string, string>;

/** The query that lists a table's column types in the current schema (one row per column). */
export const columnTypesSql =
  'SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1';

/** Rows per UNNEST statement: large enough to amortise the round trip, small enough to keep parameters modest. */
export const unnestRowsPerStatement = 5000;

/**
 * `INSERT INTO t (a, b) SELECT * FROM UNNEST($1::text[], $2::date[]) [ON CONFLICT …]`, or null when a column's
 * type is unknown (then the caller falls back to multi-row VALUES).
 */
export function unnestInsertSql(
  table: string,
  columns: readonly string[],
  types: ColumnTypes,
  options: InsertOptions = {},
): string | null {
  const casts: string[] = [];
  for (const [i, c] of columns.entries()) {
    const type = types.get(c);
    if (!type || !/^[a-z0-9_]+$/.test(type)) return null;
    casts.push(`$${i + 1}::${type}[]`);
  }
  const cols = columns.map(assertIdentifier).join(', ');
  return `INSERT INTO ${assertIdentifier(table)} (${cols}) SELECT * FROM UNNEST(${casts.join(', ')})${conflictClause(
    columns.map(assertIdentifier),
    options,
  )}`;
}

/** Transposes rows `[from, to)` into one array per column (booleans become 0/1 unless the column is boolean). */
export function columnArrays(
  rows: readonly (readonly unknown[])[],
  columns: readonly string[],
  types: ColumnTypes,
  from: number,
  to: number,
): unknown[][] {
  return columns.map((c, j) => {
    const isBool = types.get(c) === 'bool';
    const out = new Array<unknown>(to - from);
    for (let i = from; i < to; i++) {
      const v = rows[i][j];
      out[i - from] = typeof v === 'boolean' && !isBool ? (v ? 1 : 0) : v;
    }
    return out;
  });
}
