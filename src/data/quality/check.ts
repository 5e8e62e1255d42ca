/** A data-quality check: one SQL query, run on either engine, that returns one row (with a text `key`) per failing row. */
import type { Dialect } from '../../store/index.js';
import { contracts, type RawTableName } from '../contract/index.js';

/** How bad a failure is: `error` breaks the contract or the business's logic; `warning` is suspicious but possible. */
export type Severity = 'error' | 'warning';

/** Where a check comes from. */
export type CheckCategory = 'contract' | 'reference' | 'business';

export interface QualityCheck {
  /** Stable id, `<table>.<rule>` (e.g. `payments.before_signup`). */
  id: string;
  description: string;
  severity: Severity;
  category: CheckCategory;
  /** A SELECT yielding a text column `key` per failing row; null when the engine makes the check moot (e.g. typed columns). */
  sql(d: Dialect): string | null;
}

/** The outcome of one check. */
export interface CheckResult {
  id: string;
  description: string;
  severity: Severity;
  category: CheckCategory;
  status: 'pass' | 'fail' | 'not_applicable';
  /** Rows that fail the check. */
  failing: number;
  /** Up to five keys of failing rows, in byte order. */
  examples: string[];
  /** Time the check took. */
  seconds: number;
}

/** SQL text for a row's primary key (`customer_id@activity_date` for composite keys), prefixed by `alias.` when given. */
export function keySql(table: RawTableName, alias = ''): string {
  const prefix = alias ? `${alias}.` : '';
  const cols = contracts[table].primaryKey.map((c) => `CAST(${prefix}${c} AS TEXT)`);
  return cols.join(` || '@' || `);
}

/** A SQL string literal. */
export const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;
