/** The SQL that differs between engines, kept to a handful of functions. */
import type { Engine } from './store.js';

export interface Dialect {
  engine: Engine;
  /** Column type names for DDL. */
  types: { date: string; real: string; serial: string; text: string; int: string; bigint: string };
  /** Whole days from `from` to `to` (both date expressions) as an integer expression. */
  daysBetween(from: string, to: string): string;
  /** A date expression `days` days after the date expression `date` (`days` is an integer expression). */
  addDays(date: string, days: string): string;
  /** Casts a bound `?` parameter holding an ISO date string to the engine's date type. */
  dateParam(): string;
  /** Casts an expression to floating point for exact-division results on both engines. */
  real(expr: string): string;
  /** `expr` rounded to `digits` decimals as a number (PostgreSQL has no ROUND(double precision, int)). */
  round(expr: string, digits: number): string;
  /** A text expression compared byte-wise, so `ORDER BY` on text sorts identically on both engines. */
  byteOrder(expr: string): string;
}

export const sqliteDialect: Dialect = {
  engine: 'sqlite',
  types: {
    date: 'TEXT',
    real: 'REAL',
    serial: 'INTEGER PRIMARY KEY AUTOINCREMENT',
    text: 'TEXT',
    int: 'INTEGER',
    bigint: 'INTEGER',
  },
  daysBetween: (from, to) => `CAST(julianday(${to}) - julianday(${from}) AS INTEGER)`,
  addDays: (date, days) => `date(${date}, (${days}) || ' days')`,
  dateParam: () => '?',
  real: (expr) => `CAST(${expr} AS REAL)`,
  round: (expr, digits) => `ROUND(${expr}, ${Math.trunc(digits)})`,
  byteOrder: (expr) => expr, // SQLite's default BINARY collation already compares bytes
};

export const postgresDialect: Dialect = {
  engine: 'postgres',
  types: {
    date: 'DATE',
    real: 'DOUBLE PRECISION',
    serial: 'BIGSERIAL PRIMARY KEY',
    text: 'TEXT',
    int: 'INTEGER',
    bigint: 'BIGINT',
  },
  daysBetween: (from, to) => `((${to})::date - (${from})::date)`,
  addDays: (date, days) => `((${date})::date + (${days})::int)`,
  dateParam: () => '?::date',
  real: (expr) => `CAST(${expr} AS DOUBLE PRECISION)`,
  round: (expr, digits) => `ROUND(CAST(${expr} AS NUMERIC), ${Math.trunc(digits)})`,
  byteOrder: (expr) => `(${expr}) COLLATE "C"`,
};
