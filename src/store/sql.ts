/** Engine-neutral SQL building: multi-row INSERT with a conflict clause, and `?` → `$n` placeholders. */
import type { InsertOptions } from './store.js';

const ident = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Rejects anything that is not a plain SQL identifier (table and column names are never user data). */
export function assertIdentifier(name: string): string {
  if (!ident.test(name)) throw new Error(`Not a valid SQL identifier: ${JSON.stringify(name)}`);
  return name;
}

/** `INSERT INTO t (a, b) VALUES (?, ?), (?, ?) [ON CONFLICT …]` for `rowCount` rows. */
export function insertSql(table: string, columns: readonly string[], rowCount: number, options: InsertOptions = {}): string {
  const cols = columns.map(assertIdentifier);
  const tuple = `(${cols.map(() => '?').join(', ')})`;
  const values = Array.from({ length: rowCount }, () => tuple).join(', ');
  return `INSERT INTO ${assertIdentifier(table)} (${cols.join(', ')}) VALUES ${values}${conflictClause(cols, options)}`;
}

/** The `ON CONFLICT …` tail of an INSERT for the given options (empty for `error`). */
export function conflictClause(
  columns: readonly string[],
  { onConflict = 'error', conflictColumns = [] }: InsertOptions,
): string {
  const keys = conflictColumns.map(assertIdentifier);
  switch (onConflict) {
    case 'error':
      return '';
    case 'ignore':
      return keys.length ? ` ON CONFLICT (${keys.join(', ')}) DO NOTHING` : ' ON CONFLICT DO NOTHING';
    case 'upsert': {
      if (!keys.length) throw new Error('upsert needs conflictColumns');
      const updates = columns.filter((c) => !keys.includes(c));
      if (!updates.length) return ` ON CONFLICT (${keys.join(', ')}) DO NOTHING`;
      return ` ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${updates.map((c) => `${c} = excluded.${c}`).join(', ')}`;
    }
  }
}

/** Rewrites `?` placeholders to PostgreSQL's `$1, $2, …`, leaving `?` inside quoted strings and identifiers alone. */
export function toDollarParams(sql: string): string {
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i];
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      out += `$${++n}`;
    } else out += ch;
  }
  return out;
}

/**
 * For an upsert, keeps only the last row of each key (as if the rows were upserted one by one): a key repeated
 * inside one statement is an error on PostgreSQL and a double update on SQLite, so both engines see each key once.
 */
export function lastRowPerKey(
  rows: readonly (readonly unknown[])[],
  columns: readonly string[],
  keyColumns: readonly string[],
): readonly (readonly unknown[])[] {
  const at = keyColumns.map((k) => columns.indexOf(k));
  if (at.some((i) => i < 0)) throw new Error(`conflictColumns ${keyColumns.join(', ')} must be among the inserted columns`);
  const keyOf = (r: readonly unknown[]) => {
    let key = String(r[at[0]]);
    for (let j = 1; j < at.length; j++) key += `\u0000${r[at[j]]}`;
    return key;
  };
  // First pass only detects repeats (the common case has none and returns the rows untouched).
  const seen = new Set<string>();
  for (const r of rows) {
    const key = keyOf(r);
    if (seen.has(key)) return keepLast(rows, keyOf);
    seen.add(key);
  }
  return rows;
}

function keepLast(
  rows: readonly (readonly unknown[])[],
  keyOf: (r: readonly unknown[]) => string,
): readonly (readonly unknown[])[] {
  const last = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) last.set(keyOf(rows[i]), i);
  return rows.filter((r, i) => last.get(keyOf(r)) === i);
}

/** Rows per multi-row statement, keeping bound parameters under both engines' limits (SQLite 32,766; PostgreSQL 65,535). */
export function batchRows(columnCount: number, maxParams = 30_000): number {
  return Math.max(1, Math.min(1000, Math.floor(maxParams / Math.max(1, columnCount))));
}
