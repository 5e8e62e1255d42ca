/** The production engine: PostgreSQL through pg (pooled connections, multi-row inserts, per-schema isolation). */
import pg from 'pg';
import { ChurnError } from '../errors/index.js';
import { postgresDialect } from './dialect.js';
import { runMigrations } from './migrate.js';
import { assertIdentifier, batchRows, insertSql, toDollarParams } from './sql.js';
import type { InsertOptions, Row, Store } from './store.js';

// Return numbers as numbers and dates as ISO strings, as the SQLite engine does.
const types = {
  getTypeParser(oid: number, format?: string) {
    switch (oid) {
      case 20: // int8 (COUNT(*), SUM of ints)
      case 1700: // numeric
        return (v: string) => Number(v);
      case 1082: // date
        return (v: string) => v;
      default:
        return pg.types.getTypeParser(oid, format as 'text');
    }
  },
};

type Queryable = pg.Pool | pg.PoolClient;

function storeError(e: unknown, sql: string): never {
  const err = e as Error & { code?: string };
  if (err.code === 'ECONNREFUSED' || err.code === '3D000' || err.code === '28P01')
    throw new ChurnError('CHURN_ERR_STORE', `PostgreSQL is not reachable: ${err.message}`, { code: err.code });
  throw Object.assign(err, { sql: sql.slice(0, 500) });
}

export class PostgresStore implements Store {
  readonly engine = 'postgres' as const;
  readonly dialect = postgresDialect;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly conn: Queryable,
    readonly schema: string | null,
  ) {}

  /** Opens a pool on `url`; with `schema`, every connection works inside that schema (created if missing). */
  static async open(url: string, schema: string | null = null): Promise<PostgresStore> {
    const options = schema ? `-c search_path=${assertIdentifier(schema)}` : undefined;
    const pool = new pg.Pool({ connectionString: url, max: 8, options, types });
    pool.on('error', () => {
      /* idle client errors surface on the next query */
    });
    if (schema) {
      try {
        await pool.query(`CREATE SCHEMA IF NOT EXISTS ${assertIdentifier(schema)}`);
      } catch (e) {
        await pool.end();
        storeError(e, 'CREATE SCHEMA');
      }
    }
    return new PostgresStore(pool, pool, schema);
  }

  async all<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    try {
      return (await this.conn.query(toDollarParams(sql), params as unknown[])).rows as T[];
    } catch (e) {
      storeError(e, sql);
    }
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    try {
      return (await this.conn.query(toDollarParams(sql), params as unknown[])).rowCount ?? 0;
    } catch (e) {
      storeError(e, sql);
    }
  }

  async exec(sql: string): Promise<void> {
    try {
      await this.conn.query(sql);
    } catch (e) {
      storeError(e, sql);
    }
  }

  async insertMany(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], options?: InsertOptions) {
    if (!rows.length) return 0;
    const per = batchRows(columns.length, 60_000);
    const write = async (tx: Store) => {
      let changed = 0;
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per);
        changed += await tx.run(insertSql(table, columns, chunk.length, options), chunk.flat());
      }
      return changed;
    };
    return rows.length > per ? this.transaction(write) : write(this);
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.conn !== this.pool) return fn(this); // already inside one
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      storeError(e, 'BEGIN');
    }
    const tx = new PostgresStore(this.pool, client, this.schema);
    try {
      await client.query('BEGIN');
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  migrate() {
    return runMigrations(this);
  }

  async ping() {
    try {
      await this.conn.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /** Drops this store's schema (test clean-up). */
  async dropSchema(): Promise<void> {
    if (this.schema) await this.pool.query(`DROP SCHEMA IF EXISTS ${assertIdentifier(this.schema)} CASCADE`);
  }

  async close() {
    if (this.conn === this.pool) await this.pool.end();
  }
}
