import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const root = path.resolve('.');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const main = path.join(root, 'src', 'cli', 'main.ts');

/** Runs `churn …` from source in `cwd` on its default SQLite store. */
function churn(cwd: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [tsx, main, ...args], { cwd, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('churn contract, load and quality', () => {
  it('prints the contract as JSON Schema for all five tables', () => {
    const r = churn(mkdtempSync(path.join(tmpdir(), 'churn-cli-')), 'contract', '--json');
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(Object.keys(schema.$defs)).toEqual(['customers', 'subscriptions', 'usage_daily', 'payments', 'support_tickets']);
    expect(schema.$defs.payments['x-foreignKeys']).toEqual([
      { column: 'customer_id', references: 'customers.customer_id' },
      { column: 'subscription_id', references: 'subscriptions.subscription_id' },
    ]);
    expect(schema.$defs.customers.properties.birth_year).toMatchObject({
      anyOf: [{ type: 'integer', minimum: 1900 }, { type: 'null' }],
    });
  });

  it('loads a directory, passes quality --strict, and fails it once a rule is broken', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'churn-cli-'));
    const load = churn(cwd, 'load', path.join(root, 'test', 'fixtures', 'csv', 'clean'), '--json');
    expect(load.status).toBe(0);
    expect(JSON.parse(load.stdout)).toMatchObject({ read: 30, loaded: 30, quarantined: 0 });
    expect(churn(cwd, 'quality', '--strict').status).toBe(0);
    const db = new Database(path.join(cwd, 'data', 'churn.db'));
    db.prepare("UPDATE support_tickets SET csat = 2 WHERE ticket_id = 'T002'").run();
    db.close();
    const strict = churn(cwd, 'quality', '--strict', '--json');
    expect(strict.status).toBe(1);
    const report = JSON.parse(strict.stdout);
    expect(report.checks.filter((c: { status: string }) => c.status === 'fail')).toMatchObject([
      { id: 'support_tickets.csat_unresolved', failing: 1, examples: ['T002'] },
    ]);
  });

  it('refuses a semicolon file with an error naming the delimiter and a failing status', () => {
    const r = churn(
      mkdtempSync(path.join(tmpdir(), 'churn-cli-')),
      'load',
      path.join(root, 'test', 'fixtures', 'csv', 'semicolon'),
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('CHURN_ERR_CSV_FORMAT');
    expect(r.stderr).toContain('semicolon');
  });
});
