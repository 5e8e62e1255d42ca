import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isChurnError } from '../errors/index.js';
import { rowOf } from '../features/index.js';
import { defaultRules, type RetentionRule } from '../insights/index.js';
import {
  applyIsotonic,
  applyPlatt,
  type IsotonicCalibrator,
  type LogisticModel,
  linearShap,
  type PlattCalibrator,
} from '../ml/index.js';
import { createArtifact, decodeArtifact, encodeArtifact, type ModelArtifact } from '../registry/index.js';
import { renderTop } from './explanations.js';
import { globalImportance, loadScorer, modelImportance } from './index.js';
import { recommendFor } from './retention.js';
import type { PreparedRows } from './scorer.js';
import { type SmallBusiness, type SmallModel, smallBusiness, trainSmallModel } from './testing/small-model.test-support.js';

let business: SmallBusiness;
const models: Partial<Record<'logistic' | 'random_forest' | 'gradient_boosting' | 'hist_boosting', SmallModel>> = {};
const families = ['logistic', 'random_forest', 'gradient_boosting', 'hist_boosting'] as const;

beforeAll(async () => {
  business = await smallBusiness();
  for (const f of families) models[f] = trainSmallModel(business.set, f);
}, 60_000);
afterAll(() => business.store.close());

const model = (f: (typeof families)[number]) => models[f] as SmallModel;
const roundTrip = (a: ModelArtifact) => decodeArtifact(encodeArtifact(a));

describe('loadScorer', () => {
  it.each(families)('%s: probabilities after an artifact round trip equal the fitted model’s on every validation row', (f) => {
    const m = model(f);
    const scores = loadScorer(roundTrip(m.artifact)).scoreFrame(m.validation);
    expect(scores.nRows).toBe(m.validation.nRows);
    expect(scores.nRows).toBeGreaterThan(200);
    expect(Array.from(scores.probability)).toEqual(Array.from(m.validationProbability));
  });

  it('decides at the artifact threshold, not at 0.5', () => {
    const m = trainSmallModel(business.set, 'logistic', { threshold: 0.3 });
    const scores = loadScorer(m.artifact).scoreFrame(m.validation);
    const expected = Array.from(scores.probability, (p) => (p >= 0.3 ? 1 : 0));
    expect(Array.from(scores.decision)).toEqual(expected);
    const atHalf = Array.from(scores.probability).filter((p) => p >= 0.5).length;
    const flagged = expected.reduce((a: number, b) => a + b, 0);
    expect(flagged).toBeGreaterThan(atHalf); // balanced logistic: many probabilities between 0.3 and 0.5
  });

  it.each(['platt', 'isotonic'] as const)('applies the artifact’s %s calibration after the estimator', (method) => {
    const m = trainSmallModel(business.set, 'gradient_boosting', { calibration: method });
    const scores = loadScorer(roundTrip(m.artifact)).scoreFrame(m.validation);
    const calibrator = m.artifact.calibration?.state;
    const expected =
      method === 'platt'
        ? applyPlatt(calibrator as PlattCalibrator, m.validationProbability)
        : applyIsotonic(calibrator as IsotonicCalibrator, m.validationProbability);
    expect(Array.from(scores.probability)).toEqual(Array.from(expected));
    expect(Array.from(scores.probability)).not.toEqual(Array.from(m.validationProbability));
    expect(Array.from(scores.decision)).toEqual(Array.from(expected, (p: number) => (p >= m.artifact.threshold.value ? 1 : 0)));
  });

  it('puts each probability in the bucket of the artifact cuts (lower bound inclusive)', () => {
    const m = trainSmallModel(business.set, 'gradient_boosting', { cuts: [0.02, 0.05, 0.1] });
    const scores = loadScorer(m.artifact).scoreFrame(m.validation);
    const bucketOf = (p: number) => (p < 0.02 ? 'Low' : p < 0.05 ? 'Medium' : p < 0.1 ? 'High' : 'Very High');
    expect(scores.riskBucket).toEqual(Array.from(scores.probability, bucketOf));
    expect(new Set(scores.riskBucket).size).toBe(4);
  });

  it('scores API records exactly like the same rows from the store', () => {
    const m = model('hist_boosting');
    const scorer = loadScorer(m.artifact);
    const records = Array.from({ length: 50 }, (_, i) => {
      const r: Record<string, unknown> = { customer_id: m.validation.customerId[i] };
      for (const [k, v] of Object.entries(rowOf(m.validation, i))) r[k] = v;
      return r;
    });
    const fromRecords = scorer.scoreRecords(records);
    expect(fromRecords.ids).toEqual(m.validation.customerId.slice(0, 50));
    expect(Array.from(fromRecords.probability)).toEqual(Array.from(m.validationProbability.subarray(0, 50)));
  });

  it('rejects a bad record with CHURN_ERR_VALIDATION naming the field and the record index', () => {
    const scorer = loadScorer(model('logistic').artifact);
    const good = { total_sessions_30d: 3 };
    try {
      scorer.scoreRecords([good, good, { total_sessions_30d: -1 }]);
      expect.unreachable();
    } catch (e) {
      expect(isChurnError(e, 'CHURN_ERR_VALIDATION')).toBe(true);
      expect((e as { context: Record<string, unknown> }).context).toMatchObject({ field: 'total_sessions_30d', record: 2 });
    }
    expect(() => scorer.scoreRecords([{ sessions: 3 }])).toThrow(/sessions: is not a known feature/);
  });

  it('refuses a model trained on another feature contract, naming the difference', () => {
    const { modelId: _i, contentHash: _h, formatVersion: _f, features, ...rest } = model('logistic').artifact;
    const { contractHash: _c, ...schema } = features;
    const other = createArtifact({ ...rest, features: { ...schema, recipeVersion: 'derived-000000000000' } });
    expect(() => loadScorer(other)).toThrow(/another feature contract.*recipe derived-000000000000/);
  });
});

describe('value and action', () => {
  it('values every row: monthly revenue = monthly_price × (1 − discount_pct / 100), revenue at risk = p × that', () => {
    const m = model('gradient_boosting');
    const scorer = loadScorer(m.artifact);
    const values = scorer.values(m.validation);
    const p = scorer.scoreFrame(m.validation).probability;
    const price = m.validation.columns.monthly_price as Float64Array;
    const discount = m.validation.columns.discount_pct as Float64Array;
    expect(values.length).toBe(m.validation.nRows);
    for (let i = 0; i < values.length; i++) {
      expect(values[i]?.monthlyRevenue).toBeCloseTo(price[i] * (1 - discount[i] / 100), 12);
      expect(values[i]?.revenueAtRisk).toBeCloseTo(p[i] * price[i] * (1 - discount[i] / 100), 12);
    }
  });

  it('recommends a rule for at-risk rows, citing risk-raising drivers in words', () => {
    const m = model('gradient_boosting');
    const recs = loadScorer(m.artifact).recommend(m.validation);
    const given = recs.filter((r) => r !== null);
    expect(recs.length).toBe(m.validation.nRows);
    expect(given.length).toBeGreaterThan(0);
    for (const r of given) {
      expect(r.reason.startsWith(`rule ${r.ruleId}: `)).toBe(true);
      for (const b of r.because) expect(b).toMatch(/raises churn risk/);
    }
  });
});

describe('assess', () => {
  // The drivers and the action as computed from every business feature's driver (the whole list ranked), which
  // assess reaches by selecting the strongest drivers straight from the contributions.
  const reference = (
    scorer: ReturnType<typeof loadScorer>,
    rows: PreparedRows,
    rules: readonly RetentionRule[],
    topK: number,
  ) => {
    const scores = scorer.score(rows);
    const e = scorer.explain(rows);
    const values = scorer.values(rows);
    return Array.from({ length: rows.nRows }, (_, i) => {
      const featureValues = e.rowValues(i);
      const drivers = e.driverList(i, featureValues);
      const rendered = renderTop(drivers, topK, e.unit, featureValues);
      const facts = {
        customerId: scores.ids[i],
        probability: scores.probability[i],
        riskBucket: scores.riskBucket[i],
        value: values[i],
      };
      return { drivers: rendered, recommendation: recommendFor(e, i, facts, rules, { drivers, values: featureValues }) };
    });
  };
  const deeper = defaultRules.map((r, n) => ({ ...r, when: { ...r.when, topK: 1 + (n % 6) } }));

  it.each(families)('%s: drivers and actions equal those ranked from every driver (default rules, top 1, 3 and 5)', (f) => {
    const m = model(f);
    for (const [rules, topK] of [
      [defaultRules, 3],
      [defaultRules, 1],
      [deeper, 5],
      [deeper, 2],
    ] as const) {
      const scorer = loadScorer(m.artifact, { rules });
      const rows = scorer.prepareFrame(m.validation);
      const got = scorer.assess(rows, { topK }).rows.map((a) => ({ drivers: a.drivers, recommendation: a.recommendation }));
      const want = reference(scorer, rows, rules, topK);
      expect(got.filter((a) => a.recommendation !== null).length).toBeGreaterThan(0);
      expect(got).toEqual(want);
    }
  });
});

describe('global importance', () => {
  it('sums the model’s own importance over a business feature’s columns (logistic |coefficient|)', () => {
    const m = model('logistic');
    const own = modelImportance(m.artifact);
    const coef = (m.artifact.estimator.state as LogisticModel).coefficients;
    const pieces = m.artifact.features.modelInputs.flatMap((c, j) => (c.feature === 'plan_type' ? [Math.abs(coef[j])] : []));
    expect(own?.method).toBe('|coefficient| (standardised inputs)');
    expect(own?.values.find((v) => v.feature === 'plan_type')?.value).toBe(pieces.reduce((a, b) => a + b, 0));
    const values = own?.values.map((v) => v.value) ?? [];
    expect(values.every((v, i) => i === 0 || v <= values[i - 1])).toBe(true);
  });

  it('adds mean |SHAP| of scored rows next to the artifact’s list', () => {
    const m = model('gradient_boosting');
    const e = loadScorer(m.artifact).explain(m.validation);
    const tables = globalImportance(m.artifact, { explanations: e, what: 'validation rows' });
    expect(tables.map((t) => t.origin)).toEqual(['model', 'scored rows']); // the test artifact records no importance
    const f = e.features.indexOf('days_to_renewal');
    let mean = 0;
    for (let i = 0; i < e.nRows; i++) mean += Math.abs(e.contributions[i * e.features.length + f]);
    expect(tables[1].values.find((v) => v.feature === 'days_to_renewal')?.value).toBeCloseTo(mean / e.nRows, 12);
  });
});

describe('explanations', () => {
  it.each(families)('%s: base value + Σ business contributions = the model margin on every row', (f) => {
    const m = model(f);
    const scorer = loadScorer(m.artifact);
    const e = scorer.explain(m.validation);
    expect(e.unit).toBe(f === 'random_forest' ? 'probability' : 'log-odds');
    let worst = 0;
    for (let i = 0; i < e.nRows; i++) worst = Math.max(worst, Math.abs(e.additivityGap(i)));
    expect(e.nRows).toBe(m.validation.nRows);
    expect(worst).toBeLessThan(1e-9);
  });

  it('sums one-hot pieces back to their business feature exactly (logistic, plan_type)', () => {
    const m = model('logistic');
    const scorer = loadScorer(m.artifact);
    const rows = scorer.prepareFrame(m.validation);
    const e = scorer.explain(rows);
    const encoded = linearShap(m.artifact.estimator.state as LogisticModel, rows.X);
    const pieces = m.artifact.features.modelInputs.flatMap((c, j) => (c.feature === 'plan_type' ? [j] : []));
    expect(pieces.length).toBeGreaterThanOrEqual(3); // Basic, Standard, Premium, __other__
    const f = e.features.indexOf('plan_type');
    const k = e.features.length;
    for (let i = 0; i < e.nRows; i++) {
      let sum = 0;
      for (const j of pieces) sum += encoded.values[i * encoded.nFeatures + j];
      expect(e.contributions[i * k + f]).toBe(sum);
    }
    expect(e.valueAt(0, 'plan_type')).toBe(m.validation.columns.plan_type[0]);
  });

  it('folds log1p_ twins into their raw feature and quotes the customer’s own value in words', () => {
    const m = model('logistic');
    const e = loadScorer(m.artifact).explain(m.validation);
    expect(e.features).toContain('tenure_days');
    expect(e.features).not.toContain('log1p_tenure_days');
    expect(loadScorer(m.artifact).explain(m.validation, { topK: 1 }).drivers(0).up.length).toBeLessThanOrEqual(1);
    const d = e.drivers(0, 3);
    expect(d.up.length + d.down.length).toBeGreaterThan(0);
    for (const x of [...d.up, ...d.down]) {
      expect(x.unit).toBe('log-odds');
      expect(x.text).toMatch(/(raises|lowers) churn risk \([+−-]\d+\.\d\d log-odds\)/);
    }
  });
});
