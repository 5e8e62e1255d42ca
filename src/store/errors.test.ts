import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ChurnError, isChurnError } from '../errors/index.js';
import { redactUrl } from './errors.js';
import { openStore } from './index.js';

async function failure(p: Promise<unknown>): Promise<ChurnError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isChurnError(e, 'CHURN_ERR_STORE')) throw new Error(`expected CHURN_ERR_STORE, got ${String(e)}`);
  return e;
}

describe('store errors a user can act on', () => {
  it('redacts the password (and query options) from a database URL', () => {
    expect(redactUrl('postgres://churn:s3cret@db.example:5432/prod?sslmode=require')).toBe(
      'postgres://churn@db.example:5432/prod',
    );
    expect(redactUrl('postgres://db.example/prod')).toBe('postgres://db.example/prod');
  });

  it('names the PostgreSQL host, not the password, when the server is unreachable', async () => {
    const e = await failure(openStore('postgres://churn:s3cret@127.0.0.1:1/prod'));
    expect(e.context.reason).toBe('unreachable');
    expect(e.message).toContain('postgres://churn@127.0.0.1:1/prod');
    expect(e.message).toContain('DATABASE_URL');
    expect(e.message).not.toContain('s3cret');
  });

  it('says a SQLite file that is not a database is not one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'churn-store-'));
    const file = path.join(dir, 'notes.db');
    writeFileSync(file, 'this is a text file, not a database, and it is long enough to have a header page'.repeat(20));
    const e = await failure(openStore(file));
    expect(e.context.reason).toBe('corrupt');
    expect(e.message).toContain(file);
  });

  it('says a SQLite path that cannot be created cannot be opened', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'churn-store-'));
    writeFileSync(path.join(dir, 'plain-file'), '');
    const e = await failure(openStore(path.join(dir, 'plain-file', 'churn.db')));
    expect(e.context.reason).toBe('unreachable');
    expect(e.message).toContain('databaseUrl');
  });

  it.runIf(process.env.DATABASE_URL)('names a PostgreSQL database that does not exist', async () => {
    const url = new URL(process.env.DATABASE_URL ?? '');
    url.pathname = '/churnlab_no_such_database';
    const e = await failure(openStore(url.toString()));
    expect(e.context.reason).toBe('missing_database');
    expect(e.message).toContain('churnlab_no_such_database');
  });
});
