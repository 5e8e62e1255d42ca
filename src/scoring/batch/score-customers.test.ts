import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../../test/helpers/stores.js';
import { generateBusiness, storeSink } from '../../data/generate/index.js';
import { addDays, snapshotAt } from '../../features/index.js';
import { loadScorer, type Scorer } from '../index.js';
import { type SmallBusiness, smallBusiness, trainSmallModel } from '../testing/small-model.test-support.js';
import { customerScoresColumns, customerScoresCsv } from './customer-scores-csv.js';
import { explainCustomer } from './explain-customer.js';
import { savePredictions } from './save-predictions.js';
import { scoreCustomers } from './score-customers.js';
import { summariseScores } from './summary.js';

let business: SmallBusiness;
let scorer: Scorer;
const probabilities: Record<string, number[]> = {};

beforeAll(async () => {
  business = await smallBusiness();
  scorer = loadScorer(trainSmallModel(business.set, 'gradient_boosting').artifact);
}, 60_000);
afterAll(async () => {
  await business.store.close();
  await closeAllStores();
});

describe.each(engines)('scoreCustomers on $name', (engine) => {
  it('scores every active customer, writes one predictions row each, and replaces them on a re-run', async () => {
    const store = await engine.open();
    await generateBusiness({ customers: 800, months: 8, seed: 7 }, storeSink(store));
    const result = await scoreCustomers(store, scorer);
    expect(result.snapshotDate).toBe(business.set.newestDate);
    const active = await store.all<{ n: number }>(
      `SELECT COUNT(DISTINCT customer_id) AS n FROM subscriptions WHERE start_date <= ? AND (end_date IS NULL OR end_date > ?)`,
      [result.snapshotDate, result.snapshotDate],
    );
    expect(result.customers.length).toBe(Number(active[0].n));
    probabilities[engine.name] = Array.from(result.scores.probability);

    expect(await savePredictions(store, result)).toBe(result.customers.length);
    expect(await savePredictions(store, await scoreCustomers(store, scorer))).toBe(result.customers.length);
    const earlier = await scoreCustomers(store, scorer, { at: addDays(result.snapshotDate, -30) });
    await savePredictions(store, earlier);
    const counts = await store.all<{ snapshot_date: string; n: number }>(
      `SELECT snapshot_date, COUNT(*) AS n FROM predictions WHERE source = 'batch_score' AND model_id = ? GROUP BY snapshot_date ORDER BY snapshot_date`,
      [scorer.modelId],
    );
    expect(counts.map((c) => [String(c.snapshot_date), Number(c.n)])).toEqual([
      [earlier.snapshotDate, earlier.customers.length],
      [result.snapshotDate, result.customers.length],
    ]);

    const [row] = await store.all<{
      customer_ref: string;
      probability: number;
      decision: number;
      risk_bucket: string;
      explanation_json: string;
    }>(
      `SELECT customer_ref, probability, decision, risk_bucket, explanation_json FROM predictions WHERE snapshot_date = ? ORDER BY customer_ref LIMIT 1`,
      [result.snapshotDate],
    );
    const first = result.customers[0];
    expect(row.customer_ref).toBe(first.customerId);
    expect(Number(row.probability)).toBeCloseTo(first.probability, 12);
    expect(Number(row.decision)).toBe(first.decision);
    expect(row.risk_bucket).toBe(first.riskBucket);
    const stored = JSON.parse(row.explanation_json);
    expect(stored.unit).toBe('log-odds');
    expect(stored.up.length + stored.down.length).toBeGreaterThan(0);
    expect(stored.up[0]?.text ?? stored.down[0].text).toMatch(/churn risk/);
  }, 60_000);
});

describe('batch results', () => {
  it('are the same on every engine', () => {
    expect(probabilities.sqlite?.length).toBeGreaterThan(0);
    if (probabilities.postgres) expect(probabilities.postgres).toEqual(probabilities.sqlite);
  });

  it('customer_scores.csv lists every customer once, highest risk first, with drivers, action and value', async () => {
    const result = await scoreCustomers(business.store, scorer);
    const rows: Record<string, string>[] = parse(customerScoresCsv(result), { columns: true });
    expect(Object.keys(rows[0])).toEqual([...customerScoresColumns]);
    expect(rows.length).toBe(result.customers.length);
    expect(new Set(rows.map((r) => r.customer_id)).size).toBe(rows.length);
    const p = rows.map((r) => Number(r.probability));
    expect(p.every((v, i) => i === 0 || v <= p[i - 1])).toBe(true);
    expect(rows.every((r) => r.model_id === scorer.modelId && r.snapshot_date === result.snapshotDate)).toBe(true);
    const top = rows[0];
    expect(top.driver_1).toMatch(/raises churn risk/);
    expect(Number(top.clv)).toBeGreaterThanOrEqual(0);
    // Monthly revenue = monthly_price × (1 − discount_pct / 100); revenue at risk = p × that, to the cent.
    const snap = await snapshotAt(business.store, result.snapshotDate);
    const at = snap.frame.customerId.indexOf(top.customer_id);
    const price = (snap.frame.columns.monthly_price as Float64Array)[at];
    const discount = (snap.frame.columns.discount_pct as Float64Array)[at];
    const c = result.customers[result.scores.ids.indexOf(top.customer_id)];
    expect(c.value?.monthlyRevenue).toBeCloseTo(price * (1 - discount / 100), 12);
    expect(Number(top.monthly_revenue)).toBeCloseTo(price * (1 - discount / 100), 2);
    expect(Number(top.revenue_at_risk)).toBeCloseTo(c.probability * price * (1 - discount / 100), 2);
    expect(rows.filter((r) => r.recommended_action !== '').length).toBeGreaterThan(0);
  });

  it('explains one customer with the numbers of the batch, and refuses a customer who is not active', async () => {
    const result = await scoreCustomers(business.store, scorer);
    const batch = result.customers[17];
    const one = await explainCustomer(business.store, scorer, batch.customerId);
    expect(one.snapshotDate).toBe(result.snapshotDate);
    expect(one.assessment.probability).toBe(batch.probability);
    expect(one.assessment.margin).toBe(batch.margin);
    expect(one.assessment.drivers.up.map((d) => d.text)).toEqual(batch.drivers.up.map((d) => d.text));
    expect(one.assessment.recommendation?.ruleId).toBe(batch.recommendation?.ruleId);
    expect(Math.abs(one.additivityGap)).toBeLessThan(1e-9);
    await expect(explainCustomer(business.store, scorer, 'C-nobody')).rejects.toThrow(/C-nobody has no active subscription on/);
  });

  it('summary counts customers per bucket in label order and sums revenue at risk', async () => {
    const result = await scoreCustomers(business.store, scorer);
    const s = summariseScores(result, scorer.artifact.riskBuckets.labels, scorer.artifact.threshold.value);
    expect(s.byBucket.map((b) => b.bucket)).toEqual(['Low', 'Medium', 'High', 'Very High']);
    expect(s.byBucket.reduce((n, b) => n + b.customers, 0)).toBe(result.customers.length);
    expect(s.flagged).toBe(Array.from(result.scores.decision).reduce((a, b) => a + b, 0));
    const atRisk = result.customers.reduce((sum, c) => sum + (c.value?.revenueAtRisk ?? 0), 0);
    expect(s.revenueAtRisk).toBeCloseTo(atRisk, 9);
  });
});
