/** The embedded engine: SQLite through better-sqlite3 (WAL, cached prepared statements, batched transactions). */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sqliteDialect } from './dialect.js';
import { sqliteStoreError } from './errors.js';
import { runMigrations } from './migrate.js';
import { batchRows, insertSql, lastRowPerKey } from './sql.js';
import type { InsertOptions, Row, Store } from './store.js';

type Statement = Database.Statement<unknown[], unknown>;

// SQLite has no boolean or date types: booleans become 0/1, everything else passes through.
const bind = (params: readonly unknown[]) => params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));

/** How long a writer waits for another process's lock before failing with `reason: 'locked'`. */
const busyTimeoutMs = 5000;

export class SqliteStore implements Store {
  readonly engine = 'sqlite' as const;
  readonly dialect = sqliteDialect;
  readonly db: Database.Database;
  private readonly statements = new Map<string, Statement>();
  private readonly inserts = new Map<string, Statement>();

  constructor(readonly file: string) {
    try {
      if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      this.db = new Database(file);
      this.db.pragma(`busy_timeout = ${busyTimeoutMs}`);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('cache_size = -65536');
      this.db.pragma('temp_store = MEMORY');
    } catch (e) {
      throw sqliteStoreError(e, file, undefined, true);
    }
  }

  /** The INSERT for `rows` rows of this shape, prepared once (its SQL is long; building it per batch is not free). */
  private insertStatement(table: string, columns: readonly string[], rows: number, options?: InsertOptions): Statement {
    const key = `${table}|${columns.join(',')}|${rows}|${options?.onConflict ?? ''}|${options?.conflictColumns?.join(',') ?? ''}`;
    let s = this.inserts.get(key);
    if (!s) {
      s = this.prepare(insertSql(table, columns, rows, options));
      if (this.inserts.size > 200) this.inserts.clear();
      this.inserts.set(key, s);
    }
    return s;
  }

  private prepare(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      try {
        s = this.db.prepare(sql);
      } catch (e) {
        throw sqliteStoreError(e, this.file, sql);
      }
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, s);
    }
    return s;
  }

  async all<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const statement = this.prepare(sql);
    try {
      return statement.all(bind(params)) as T[];
    } catch (e) {
      throw sqliteStoreError(e, this.file, sql);
    }
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    const statement = this.prepare(sql);
    try {
      return statement.run(bind(params)).changes;
    } catch (e) {
      throw sqliteStoreError(e, this.file, sql);
    }
  }

  async exec(sql: string): Promise<void> {
    try {
      this.db.exec(sql);
    } catch (e) {
      throw sqliteStoreError(e, this.file, sql);
    }
  }

  async insertMany(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], options?: InsertOptions) {
    if (!rows.length) return 0;
    const collapse = options?.onConflict === 'upsert' && !options.distinctKeys;
    const unique = collapse ? lastRowPerKey(rows, columns, options.conflictColumns ?? []) : rows;
    const width = columns.length;
    const per = batchRows(width);
    const full = this.insertStatement(table, columns, Math.min(per, unique.length), options);
    const params: unknown[] = new Array(Math.min(per, unique.length) * width);
    let changed = 0;
    // One reused parameter array per statement shape: building params is the hot loop of a CSV load.
    const write = this.db.transaction(() => {
      for (let i = 0; i < unique.length; i += per) {
        const n = Math.min(per, unique.length - i);
        const statement = n === per || i === 0 ? full : this.insertStatement(table, columns, n, options);
        if (params.length !== n * width) params.length = n * width;
        let k = 0;
        for (let r = i; r < i + n; r++) {
          const row = unique[r];
          for (let c = 0; c < width; c++) {
            const v = row[c];
            params[k++] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
          }
        }
        changed += statement.run(params).changes;
      }
    });
    try {
      write();
    } catch (e) {
      throw sqliteStoreError(e, this.file, `INSERT INTO ${table} (${columns.join(', ')}) …`);
    }
    return changed;
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.db.inTransaction) return fn(this);
    await this.exec('BEGIN');
    try {
      const result = await fn(this);
      await this.exec('COMMIT');
      return result;
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw e;
    }
  }

  migrate() {
    return runMigrations(this);
  }

  async ping() {
    try {
      this.db.prepare('SELECT 1').get();
      return true;
    } catch {
      return false;
    }
  }

  async close() {
    if (this.db.open) this.db.close();
  }
}
