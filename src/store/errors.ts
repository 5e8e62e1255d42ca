/** Engine errors turned into `CHURN_ERR_STORE` errors that say what failed and what to do about it. */
import { ChurnError } from '../errors/index.js';
import type { Engine } from './store.js';

/** Why a store operation failed, the same vocabulary on both engines (in `ChurnError.context.reason`). */
export type StoreErrorReason =
  | 'unreachable'
  | 'auth'
  | 'missing_database'
  | 'unique_violation'
  | 'foreign_key_violation'
  | 'not_null_violation'
  | 'check_violation'
  | 'missing_table'
  | 'invalid_value'
  | 'locked'
  | 'read_only'
  | 'corrupt'
  | 'syntax'
  | 'other';

interface EngineError extends Error {
  code?: string;
  detail?: string;
  hint?: string;
  table?: string;
  constraint?: string;
}

/** `postgres://user:secret@host:5432/db?x` → `postgres://user@host:5432/db`: safe to print and log. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    u.search = '';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1@');
  }
}

function storeError(engine: Engine, reason: StoreErrorReason, message: string, e: EngineError, sql?: string): ChurnError {
  const context: Record<string, unknown> = { engine, reason, engineCode: e.code ?? null };
  if (sql) context.sql = sql.length > 300 ? `${sql.slice(0, 300)}…` : sql;
  if (e.table) context.table = e.table;
  if (e.constraint) context.constraint = e.constraint;
  const err = new ChurnError('CHURN_ERR_STORE', message, context);
  Object.defineProperty(err, 'cause', { value: e, enumerable: false });
  return err;
}

const pgReasons: Record<string, StoreErrorReason> = {
  ECONNREFUSED: 'unreachable',
  ENOTFOUND: 'unreachable',
  EAI_AGAIN: 'unreachable',
  ETIMEDOUT: 'unreachable',
  ECONNRESET: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  '57P01': 'unreachable', // admin shutdown
  '57P03': 'unreachable', // cannot connect now (starting up)
  '28P01': 'auth',
  '28000': 'auth',
  '3D000': 'missing_database',
  '23505': 'unique_violation',
  '23503': 'foreign_key_violation',
  '23502': 'not_null_violation',
  '23514': 'check_violation',
  '42P01': 'missing_table',
  '42703': 'syntax',
  '42883': 'syntax', // undefined function (often a missing cast)
  '42601': 'syntax',
  '22P02': 'invalid_value',
  '22007': 'invalid_value',
  '22008': 'invalid_value',
  '22003': 'invalid_value',
  '25006': 'read_only',
  '55P03': 'locked',
  '40P01': 'locked',
};

/** Maps a pg error (connection or statement) for the database at `url` (printed without its password). */
export function postgresStoreError(e: unknown, url: string, sql?: string): ChurnError {
  if (e instanceof ChurnError) return e;
  const err = e as EngineError;
  const where = redactUrl(url);
  const timedOut = /timeout/i.test(err.message ?? '');
  const reason = pgReasons[err.code ?? ''] ?? (timedOut ? 'unreachable' : 'other');
  const detail = [err.detail, err.hint]
    .filter(Boolean)
    .map((d) => ` (${d})`)
    .join('');
  switch (reason) {
    case 'unreachable':
      return storeError(
        'postgres',
        reason,
        `PostgreSQL at ${where} is not reachable (${err.message}): start the server or fix DATABASE_URL.`,
        err,
      );
    case 'auth':
      return storeError(
        'postgres',
        reason,
        `PostgreSQL at ${where} refused the login (${err.message}): check the user and password in DATABASE_URL.`,
        err,
      );
    case 'missing_database':
      return storeError(
        'postgres',
        reason,
        `PostgreSQL at ${where}: ${err.message}; create it (createdb) or fix DATABASE_URL.`,
        err,
      );
    case 'missing_table':
      return storeError('postgres', reason, `${err.message} in ${where}: run \`churn db migrate\`.`, err, sql);
    default:
      return storeError('postgres', reason, `PostgreSQL refused a statement: ${err.message}${detail}.`, err, sql);
  }
}

/** Maps a better-sqlite3 error for the database file `file` (`opening`: raised while opening the file). */
export function sqliteStoreError(e: unknown, file: string, sql?: string, opening = false): ChurnError {
  if (e instanceof ChurnError) return e;
  const err = e as EngineError;
  const code = err.code ?? '';
  const message = err.message ?? String(e);
  let reason: StoreErrorReason = 'other';
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') reason = 'unique_violation';
  else if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') reason = 'foreign_key_violation';
  else if (code === 'SQLITE_CONSTRAINT_NOTNULL') reason = 'not_null_violation';
  else if (code === 'SQLITE_CONSTRAINT_CHECK') reason = 'check_violation';
  else if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) reason = 'locked';
  else if (code.startsWith('SQLITE_READONLY')) reason = 'read_only';
  else if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') reason = 'corrupt';
  else if (code.startsWith('SQLITE_CANTOPEN')) reason = 'unreachable';
  else if (/^no such table/.test(message)) reason = 'missing_table';
  else if (/syntax error|no such column|has no column/.test(message)) reason = 'syntax';
  if (opening && (reason === 'other' || reason === 'syntax')) reason = 'unreachable';
  switch (reason) {
    case 'locked':
      return storeError(
        'sqlite',
        reason,
        `SQLite database ${file} is locked by another process (${message}); retry when it finishes.`,
        err,
        sql,
      );
    case 'read_only':
      return storeError('sqlite', reason, `SQLite database ${file} is read-only (${message}); check file permissions.`, err, sql);
    case 'corrupt':
      return storeError('sqlite', reason, `${file} is not a valid SQLite database (${message}).`, err, sql);
    case 'unreachable':
      return storeError(
        'sqlite',
        reason,
        `Cannot open SQLite database ${file} (${message}); check the path in databaseUrl.`,
        err,
      );
    case 'missing_table':
      return storeError('sqlite', reason, `${message} in ${file}: run \`churn db migrate\`.`, err, sql);
    default:
      return storeError('sqlite', reason, `SQLite refused a statement: ${message}.`, err, sql);
  }
}
