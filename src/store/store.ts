/** The Store interface: the one seam between churnlab and its database engines. */
import type { Dialect } from './dialect.js';

/** The database engines churnlab runs on. */
export type Engine = 'sqlite' | 'postgres';

/** A result row keyed by column name. */
export type Row = Record<string, unknown>;

/** How a bulk insert treats a row whose primary key already exists. */
export type OnConflict = 'error' | 'ignore' | 'upsert';

export interface InsertOptions {
  onConflict?: OnConflict;
  /** Key columns for `upsert`/`ignore` (default: none given → engine default for `ignore`, required for `upsert`). */
  conflictColumns?: readonly string[];
  /**
   * The caller guarantees that no key repeats within this call (e.g. the CSV loader, which quarantines repeats):
   * skips the pass that collapses repeated keys of an upsert to their last row.
   */
  distinctKeys?: boolean;
}

/**
 * A database connection with one SQL vocabulary: queries use `?` placeholders on both engines;
 * dates are ISO `YYYY-MM-DD` strings in and out; numbers come back as JS numbers.
 */
export interface Store {
  readonly engine: Engine;
  readonly dialect: Dialect;
  /** Runs a query and returns all rows. */
  all<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement; returns the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Runs one or more statements without parameters (DDL). */
  exec(sql: string): Promise<void>;
  /** Inserts rows (arrays in `columns` order) in batched multi-row statements; returns rows written. */
  insertMany(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
    options?: InsertOptions,
  ): Promise<number>;
  /** Runs `fn` inside one transaction on this connection; rolls back if it throws. Do not use the outer store concurrently. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** Applies pending migrations; returns the versions applied. */
  migrate(): Promise<number[]>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
