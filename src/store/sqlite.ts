/** The embedded engine: SQLite through better-sqlite3 (WAL, cached prepared statements, batched transactions). */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ChurnError } from '../errors/index.js';
import { sqliteDialect } from './dialect.js';
import { runMigrations } from './migrate.js';
import { batchRows, insertSql } from './sql.js';
import type { InsertOptions, Row, Store } from './store.js';

type Statement = Database.Statement<unknown[], unknown>;

// SQLite has no boolean or date types: booleans become 0/1, everything else passes through.
const bind = (params: readonly unknown[]) => params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));

export class SqliteStore implements Store {
  readonly engine = 'sqlite' as const;
  readonly dialect = sqliteDialect;
  readonly db: Database.Database;
  private readonly statements = new Map<string, Statement>();

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    try {
      this.db = new Database(file);
    } catch (e) {
      throw new ChurnError('CHURN_ERR_STORE', `Cannot open SQLite database ${file}: ${(e as Error).message}`, { file });
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('cache_size = -65536');
    this.db.pragma('temp_store = MEMORY');
  }

  private prepare(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, s);
    }
    return s;
  }

  async all<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.prepare(sql).all(...bind(params)) as T[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return this.prepare(sql).run(...bind(params)).changes;
  }

  async exec(sql: string): Promise<void> {
    this.db.exec(sql);
  }

  async insertMany(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], options?: InsertOptions) {
    if (!rows.length) return 0;
    const per = batchRows(columns.length);
    let changed = 0;
    const write = this.db.transaction(() => {
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per);
        const params: unknown[] = [];
        for (const r of chunk) for (const v of r) params.push(typeof v === 'boolean' ? (v ? 1 : 0) : v);
        changed += this.prepare(insertSql(table, columns, chunk.length, options)).run(...params).changes;
      }
    });
    write();
    return changed;
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.db.inTransaction) return fn(this);
    this.db.exec('BEGIN');
    try {
      const result = await fn(this);
      this.db.exec('COMMIT');
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
