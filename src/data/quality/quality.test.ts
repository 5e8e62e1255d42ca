import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../../test/helpers/stores.js';
import type { Store } from '../../store/index.js';
import { loadCsvFiles } from '../ingest/index.js';
import { type QualityReport, qualityChecks, runQualityChecks } from './index.js';

afterAll(closeAllStores);

interface Case {
  check: string;
  /** Statements that break exactly this rule on the clean fixture (run in a transaction that is rolled back). */
  sql: string[];
  failing: number;
  examples: string[];
  /** Foreign keys must be off to store the broken reference at all. */
  orphan?: boolean;
  /** PostgreSQL's column types make the check moot there. */
  sqliteOnly?: boolean;
}

const insertSub = (id: string, customer: string, start: string, end: string) =>
  `INSERT INTO subscriptions (subscription_id, customer_id, plan_type, billing_cycle, monthly_price, discount_pct, start_date, end_date, cancel_reason, auto_renew) VALUES ('${id}', '${customer}', 'Basic', 'monthly', 9.99, 0, '${start}', '${end}', 'price', 0)`;
const insertPayment = (id: string, customer: string, sub: string | null, day: string, amount: number, status: string) =>
  `INSERT INTO payments (payment_id, customer_id, subscription_id, paid_at, amount, status, method, failure_reason, attempt) VALUES ('${id}', '${customer}', ${sub ? `'${sub}'` : 'NULL'}, '${day}', ${amount}, '${status}', 'card', NULL, 1)`;
const insertUsage = (customer: string, day: string) =>
  `INSERT INTO usage_daily (customer_id, activity_date, sessions, minutes, crashes) VALUES ('${customer}', '${day}', 1, 10, 0)`;

const cases: Case[] = [
  {
    check: 'customers.types',
    sql: ["UPDATE customers SET birth_year = 1990.5 WHERE customer_id IN ('C001', 'C002')"],
    failing: 2,
    examples: ['C001', 'C002'],
    sqliteOnly: true,
  },
  {
    check: 'subscriptions.types',
    sql: ["UPDATE subscriptions SET end_date = '2025-02-31' WHERE subscription_id = 'S004'"],
    failing: 1,
    examples: ['S004'],
    sqliteOnly: true,
  },
  {
    check: 'usage_daily.types',
    sql: ["UPDATE usage_daily SET sessions = 2.5 WHERE customer_id = 'C002' AND activity_date = '2025-03-01'"],
    failing: 1,
    examples: ['C002@2025-03-01'],
    sqliteOnly: true,
  },
  {
    check: 'payments.types',
    sql: ["UPDATE payments SET attempt = 'one' WHERE payment_id = 'P005'"],
    failing: 1,
    examples: ['P005'],
    sqliteOnly: true,
  },
  {
    check: 'support_tickets.types',
    sql: ["UPDATE support_tickets SET opened_at = '2025-01-32' WHERE ticket_id = 'T001'"],
    failing: 1,
    examples: ['T001'],
    sqliteOnly: true,
  },
  {
    check: 'customers.enums',
    sql: [
      "UPDATE customers SET gender = 'F' WHERE customer_id = 'C001'",
      "UPDATE customers SET device_type = 'Tablet' WHERE customer_id = 'C002'",
    ],
    failing: 2,
    examples: ['C001', 'C002'],
  },
  {
    check: 'subscriptions.enums',
    sql: ["UPDATE subscriptions SET plan_type = 'Gold' WHERE subscription_id = 'S003'"],
    failing: 1,
    examples: ['S003'],
  },
  {
    check: 'payments.enums',
    sql: ["UPDATE payments SET method = 'cash' WHERE payment_id = 'P004'"],
    failing: 1,
    examples: ['P004'],
  },
  {
    check: 'support_tickets.enums',
    sql: ["UPDATE support_tickets SET category = 'complaint' WHERE ticket_id = 'T001'"],
    failing: 1,
    examples: ['T001'],
  },
  {
    check: 'customers.ranges',
    sql: ["UPDATE customers SET birth_year = 1800 WHERE customer_id = 'C001'"],
    failing: 1,
    examples: ['C001'],
  },
  {
    check: 'subscriptions.ranges',
    sql: ["UPDATE subscriptions SET discount_pct = 120 WHERE subscription_id = 'S002'"],
    failing: 1,
    examples: ['S002'],
  },
  {
    check: 'usage_daily.ranges',
    sql: [
      "UPDATE usage_daily SET minutes = -5 WHERE customer_id = 'C001' AND activity_date = '2025-01-01'",
      "UPDATE usage_daily SET crashes = 600 WHERE customer_id = 'C002' AND activity_date = '2025-01-03'",
    ],
    failing: 2,
    examples: ['C001@2025-01-01', 'C002@2025-01-03'],
  },
  {
    check: 'payments.ranges',
    sql: ["UPDATE payments SET attempt = 0 WHERE payment_id = 'P001'"],
    failing: 1,
    examples: ['P001'],
  },
  {
    check: 'support_tickets.ranges',
    sql: ["UPDATE support_tickets SET csat = 9 WHERE ticket_id = 'T001'"],
    failing: 1,
    examples: ['T001'],
  },
  {
    check: 'customers.formats',
    sql: [
      "UPDATE customers SET region = '' WHERE customer_id = 'C003'",
      `UPDATE customers SET city = '${'x'.repeat(100)}' WHERE customer_id = 'C004'`,
    ],
    failing: 2,
    examples: ['C003', 'C004'],
  },
  { check: 'subscriptions.formats', sql: [insertSub('S 9', 'C003', '2025-02-20', '2025-02-25')], failing: 1, examples: ['S 9'] },
  {
    check: 'support_tickets.formats',
    sql: [
      "INSERT INTO support_tickets (ticket_id, customer_id, opened_at, category, resolution_hours, resolved, csat) VALUES ('T#1', 'C001', '2025-01-16', 'other', NULL, 0, NULL)",
    ],
    failing: 1,
    examples: ['T#1'],
  },
  {
    check: 'payments.formats',
    sql: [insertPayment('P 9', 'C001', 'S002', '2025-02-05', 1, 'success')],
    failing: 1,
    examples: ['P 9'],
  },
  {
    check: 'subscriptions.customer_id_exists',
    sql: [insertSub('S900', 'C900', '2025-01-01', '2025-01-31')],
    failing: 1,
    examples: ['S900'],
    orphan: true,
  },
  {
    check: 'usage_daily.customer_id_exists',
    sql: [insertUsage('C900', '2025-01-01')],
    failing: 1,
    examples: ['C900@2025-01-01'],
    orphan: true,
  },
  {
    check: 'payments.customer_id_exists',
    sql: [insertPayment('P900', 'C900', null, '2025-01-01', 5, 'success')],
    failing: 1,
    examples: ['P900'],
    orphan: true,
  },
  {
    check: 'payments.subscription_id_exists',
    sql: [insertPayment('P901', 'C001', 'S900', '2025-02-05', 5, 'success')],
    failing: 1,
    examples: ['P901'],
    orphan: true,
  },
  {
    check: 'support_tickets.customer_id_exists',
    sql: [
      "INSERT INTO support_tickets (ticket_id, customer_id, opened_at, category, resolution_hours, resolved, csat) VALUES ('T900', 'C900', '2025-01-02', 'other', NULL, 0, NULL)",
    ],
    failing: 1,
    examples: ['T900'],
    orphan: true,
  },
  {
    check: 'subscriptions.before_signup',
    sql: ["UPDATE subscriptions SET start_date = '2024-12-31' WHERE subscription_id = 'S001'"],
    failing: 1,
    examples: ['S001'],
  },
  { check: 'usage_daily.before_signup', sql: [insertUsage('C005', '2025-01-20')], failing: 1, examples: ['C005@2025-01-20'] },
  {
    check: 'payments.before_signup',
    sql: [insertPayment('P902', 'C005', 'S006', '2025-01-15', 5, 'success')],
    failing: 1,
    examples: ['P902'],
  },
  {
    check: 'support_tickets.before_signup',
    sql: ["UPDATE support_tickets SET opened_at = '2025-01-05' WHERE ticket_id = 'T003'"],
    failing: 1,
    examples: ['T003'],
  },
  {
    check: 'subscriptions.end_before_start',
    sql: [insertSub('S910', 'C003', '2025-02-20', '2025-02-10')],
    failing: 1,
    examples: ['S910'],
  },
  {
    check: 'subscriptions.overlap',
    sql: [insertSub('S911', 'C003', '2025-02-04', '2025-02-10')],
    failing: 1,
    examples: ['S911'],
  },
  {
    check: 'usage_daily.minutes_per_session',
    sql: ["UPDATE usage_daily SET minutes = 700 WHERE customer_id = 'C004'"],
    failing: 1,
    examples: ['C004@2025-01-10'],
  },
  {
    check: 'usage_daily.outside_subscription',
    sql: [insertUsage('C003', '2025-02-20')],
    failing: 1,
    examples: ['C003@2025-02-20'],
  },
  {
    check: 'payments.refunds_exceed_payments',
    sql: [insertPayment('P903', 'C003', 'S004', '2025-01-25', 5, 'refunded')],
    failing: 1,
    examples: ['C003'],
  },
  {
    check: 'payments.subscription_customer',
    sql: ["UPDATE payments SET subscription_id = 'S003' WHERE payment_id = 'P007'"],
    failing: 1,
    examples: ['P007'],
  },
  {
    check: 'payments.failure_reason',
    sql: ["UPDATE payments SET failure_reason = 'card_expired' WHERE payment_id = 'P001'"],
    failing: 1,
    examples: ['P001'],
  },
  {
    check: 'subscriptions.cancel_reason',
    sql: ["UPDATE subscriptions SET cancel_reason = 'price' WHERE subscription_id = 'S002'"],
    failing: 1,
    examples: ['S002'],
  },
  {
    check: 'support_tickets.csat_unresolved',
    sql: ["UPDATE support_tickets SET csat = 2 WHERE ticket_id = 'T002'"],
    failing: 1,
    examples: ['T002'],
  },
  {
    check: 'support_tickets.resolution_hours',
    sql: ["UPDATE support_tickets SET resolution_hours = NULL WHERE ticket_id = 'T003'"],
    failing: 1,
    examples: ['T003'],
  },
  {
    check: 'dates.after_newest_data',
    sql: [insertPayment('P904', 'C002', 'S003', '2025-03-05', 12.5, 'success')],
    failing: 1,
    examples: ['payments:P904'],
  },
];

class Rollback extends Error {}

/** Runs the checks on the clean store changed by `c`, then undoes the change. */
async function reportAfter(store: Store, c: Case): Promise<QualityReport> {
  let report: QualityReport | undefined;
  await store
    .transaction(async (tx) => {
      if (c.orphan)
        await tx.exec(
          store.engine === 'sqlite' ? 'PRAGMA defer_foreign_keys = ON' : 'SET LOCAL session_replication_role = replica',
        );
      for (const sql of c.sql) await tx.run(sql);
      report = await runQualityChecks(tx);
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  if (!report) throw new Error('no report');
  return report;
}

const failures = (r: QualityReport) => r.checks.filter((c) => c.status === 'fail').map((c) => [c.id, c.failing, c.examples]);

describe.each(engines)('quality checks on $name', ({ name, open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    await loadCsvFiles(store, [path.join('test', 'fixtures', 'csv', 'clean')], {
      quarantineDir: mkdtempSync(path.join(tmpdir(), 'churn-quality-')),
    });
  });

  it('passes every check on the clean fixture', async () => {
    const report = await runQualityChecks(store);
    expect(failures(report)).toEqual([]);
    expect(report.asOf).toBe('2025-03-01');
    expect(report.passed + report.checks.filter((c) => c.status === 'not_applicable').length).toBe(qualityChecks.length);
  });

  it('has a breaking case for every check', () => {
    expect(cases.map((c) => c.check).sort()).toEqual(qualityChecks.map((c) => c.id).sort());
  });

  it.each(cases.filter((c) => name === 'sqlite' || !c.sqliteOnly))('$check fails alone with the exact count', async (c) => {
    const report = await reportAfter(store, c);
    expect(failures(report)).toEqual([[c.check, c.failing, c.examples]]);
  });
});
