/** `outputs/customer_scores.csv`: one line per scored customer, highest risk first, for the retention team and BI. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { CustomerScores } from './score-customers.js';

/** The file's columns, in order (documented in docs/scoring.md). */
export const customerScoresColumns = [
  'customer_id',
  'snapshot_date',
  'probability',
  'decision',
  'risk_bucket',
  'driver_1',
  'driver_2',
  'driver_3',
  'recommended_action',
  'channel',
  'offer',
  'rule_id',
  'monthly_revenue',
  'clv',
  'revenue_at_risk',
  'model_id',
] as const;

const fixed = (v: number | undefined, digits: number) => (v === undefined || !Number.isFinite(v) ? '' : v.toFixed(digits));

/** The CSV text: rows by descending probability, ties by customer id (drivers = the top 3 raising the risk). */
export function customerScoresCsv(result: CustomerScores): string {
  const order = result.customers
    .map((_, i) => i)
    .sort((a, b) => {
      const ca = result.customers[a];
      const cb = result.customers[b];
      return cb.probability - ca.probability || (ca.customerId < cb.customerId ? -1 : 1);
    });
  const lines: string[][] = [[...customerScoresColumns]];
  for (const i of order) {
    const c = result.customers[i];
    const r = c.recommendation;
    const up = c.drivers.up.map((d) => d.text);
    lines.push([
      c.customerId,
      result.snapshotDate,
      c.probability.toFixed(6),
      String(c.decision),
      c.riskBucket,
      up[0] ?? '',
      up[1] ?? '',
      up[2] ?? '',
      r?.action ?? '',
      r?.channel ?? '',
      r?.offer ?? '',
      r?.ruleId ?? '',
      fixed(c.value?.monthlyRevenue, 2),
      fixed(c.value?.clv, 2),
      fixed(c.value?.revenueAtRisk, 2),
      result.modelId,
    ]);
  }
  return stringify(lines);
}

/** Writes the CSV to `file` (folders created); returns the path. */
export function writeCustomerScores(file: string, result: CustomerScores): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, customerScoresCsv(result));
  return file;
}
