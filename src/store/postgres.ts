/** The production engine: PostgreSQL through pg (pooled connections, UNNEST bulk inserts, per-schema isolation). */
import pg from 'pg';
import { postgresDialect } from './dialect.js';
import { postgresStoreError } from './errors.js';
import { runMigrations } from './migrate.js';
import { type ColumnTypes, columnArrays, columnTypesSql, unnestInsertSql, unnestRowsPerStatement } from './postgres-bulk.js';
import { assertIdentifier, batchRows, insertSql, lastRowPerKey, toDollarParams } from './sql.js';
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

/** Fail fast when the server is down or unroutable instead of hanging on connect. */
const connectTimeoutMs = 10_000;

/** State shared by a pool and the transaction stores derived from it. */
interface Shared {
  pool: pg.Pool;
  url: string;
  schema: string | null;
  /** Column types per table for UNNEST inserts; cleared by migrate(). */
  columnTypes: Map<string, ColumnTypes>;
  closed: boolean;
}

export class PostgresStore implements Store {
  readonly engine = 'postgres' as const;
  readonly dialect = postgresDialect;

  private constructor(
    private readonly shared: Shared,
    private readonly conn: Queryable,
  ) {}

  /** The schema this store works in (null = the server's default search_path). */
  get schema(): string | null {
    return this.shared.schema;
  }

  /** Opens a pool on `url`; with `schema`, every connection works inside that schema (created if missing). */
  static async open(url: string, schema: string | null = null): Promise<PostgresStore> {
    const options = schema ? `-c search_path=${assertIdentifier(schema)}` : undefined;
    const pool = new pg.Pool({ connectionString: url, max: 8, options, types, connectionTimeoutMillis: connectTimeoutMs });
    pool.on('error', () => {
      /* idle client errors surface on the next query */
    });
    if (schema) {
      try {
        await pool.query(`CREATE SCHEMA IF NOT EXISTS ${assertIdentifier(schema)}`);
      } catch (e) {
        await pool.end();
        throw postgresStoreError(e, url, 'CREATE SCHEMA');
      }
    }
    const shared: Shared = { pool, url, schema, columnTypes: new Map(), closed: false };
    return new PostgresStore(shared, pool);
  }

  private async query(sql: string, params?: readonly unknown[], label = sql) {
    try {
      return await this.conn.query(sql, params as unknown[] | undefined);
    } catch (e) {
      throw postgresStoreError(e, this.shared.url, label);
    }
  }

  async all<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.query(toDollarParams(sql), params, sql)).rows as T[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.query(toDollarParams(sql), params, sql)).rowCount ?? 0;
  }

  async exec(sql: string): Promise<void> {
    await this.query(sql);
  }

  async insertMany(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], options?: InsertOptions) {
    if (!rows.length) return 0;
    const collapse = options?.onConflict === 'upsert' && !options.distinctKeys;
    const unique = collapse ? lastRowPerKey(rows, columns, options.conflictColumns ?? []) : rows;
    const types = await this.columnTypes(table);
    const unnest = unnestInsertSql(table, columns, types, options);
    const per = unnest ? unnestRowsPerStatement : batchRows(columns.length, 60_000);
    const write = async (tx: PostgresStore) => {
      let changed = 0;
      for (let i = 0; i < unique.length; i += per) {
        const to = Math.min(unique.length, i + per);
        if (unnest) changed += (await tx.query(unnest, columnArrays(unique, columns, types, i, to))).rowCount ?? 0;
        else changed += await tx.run(insertSql(table, columns, to - i, options), unique.slice(i, to).flat());
      }
      return changed;
    };
    return unique.length > per ? this.transaction((tx) => write(tx as PostgresStore)) : write(this);
  }

  private async columnTypes(table: string): Promise<ColumnTypes> {
    let found = this.shared.columnTypes.get(table);
    if (!found) {
      const rows = (await this.query(columnTypesSql, [table])).rows as { column_name: string; udt_name: string }[];
      found = new Map(rows.map((r) => [r.column_name, r.udt_name]));
      if (found.size) this.shared.columnTypes.set(table, found);
    }
    return found;
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.conn !== this.shared.pool) return fn(this); // already inside one
    let client: pg.PoolClient;
    try {
      client = await this.shared.pool.connect();
    } catch (e) {
      throw postgresStoreError(e, this.shared.url, 'BEGIN');
    }
    const tx = new PostgresStore(this.shared, client);
    let broken = false;
    try {
      await tx.exec('BEGIN');
      const result = await fn(tx);
      await tx.exec('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {
        broken = true; // the connection is gone: drop it from the pool instead of reusing it
      });
      throw e;
    } finally {
      client.release(broken);
    }
  }

  migrate() {
    this.shared.columnTypes.clear();
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
    if (this.schema) await this.query(`DROP SCHEMA IF EXISTS ${assertIdentifier(this.schema)} CASCADE`);
  }

  async close() {
    if (this.conn !== this.shared.pool || this.shared.closed) return;
    this.shared.closed = true;
    await this.shared.pool.end();
  }
}
