/** A small, valid artifact draft for the registry's own tests (fake estimator state with typed arrays, NaN included). */
import type { ArtifactDraft } from './create-artifact.js';
import type { Metrics } from './schema/metrics.js';

const metrics = (rocAuc: number, prAuc: number, threshold: number): Metrics => ({
  rocAuc,
  prAuc,
  precision: 0.41,
  recall: 0.63,
  f1: 0.4967,
  accuracy: 0.88,
  brier: 0.081,
  logLoss: 0.27,
  topDecileLift: 3.9,
  topDecileCapture: 0.39,
  threshold,
  confusion: { tp: 63, fp: 91, tn: 809, fn: 37 },
});

/** A draft whose content changes with `seed` (so two seeds give two model ids). */
export function sampleDraft(seed = 1): ArtifactDraft {
  return {
    codeVersion: '0.1.0',
    source: 'snapshots',
    training: {
      dataFingerprint: 'a'.repeat(63) + String(seed % 10),
      seed,
      horizonDays: 30,
      dataWindow: { from: '2025-01-01', to: '2025-12-31' },
      cutoffs: { train: ['2025-03-31', '2025-04-30', '2025-05-31'], validation: ['2025-07-31'] },
      folds: null,
      rows: { train: 12000, validation: 1000 },
      positives: { train: 1100, validation: 100 },
      target: { column: 'churned', positive: '1' },
    },
    features: {
      recipeVersion: 'derived-v1',
      inputs: [
        { name: 'total_sessions_30d', type: 'numeric', label: 'Sessions, last 30 days', required: true },
        { name: 'failed_payments_30d', type: 'numeric', required: false },
        { name: 'plan_type', type: 'categorical', categories: ['Basic', 'Premium', 'Standard'], required: true },
      ],
      derived: ['payment_failure_rate'],
      modelInputs: [
        { name: 'total_sessions_30d', feature: 'total_sessions_30d' },
        { name: 'failed_payments_30d', feature: 'failed_payments_30d' },
        { name: 'plan_type=Basic', feature: 'plan_type' },
        { name: 'plan_type=Premium', feature: 'plan_type' },
      ],
      idColumn: null,
      dropped: [],
    },
    preprocessing: { medians: new Float64Array([12, 0]), scale: new Float32Array([3.5, 1.25]) },
    estimator: {
      family: 'logistic',
      params: { l2: 1, classWeight: 'balanced' },
      state: { coef: new Float64Array([0.1 * seed, -0.7, Number.NaN, 1e-300]), intercept: -2.1, nIter: 7 },
    },
    calibration: null,
    threshold: { value: 0.31, rule: 'f1', details: { f1: 0.4967 } },
    riskBuckets: { cuts: [0.25, 0.5, 0.75], labels: ['Low', 'Medium', 'High', 'Very High'] },
    selection: { rule: 'highest validation PR-AUC', metric: 'prAuc', chosen: 'Logistic regression', reason: 'best PR-AUC' },
    candidates: [
      { name: 'Logistic regression', family: 'logistic', params: { l2: 1 }, selected: true, metrics: metrics(0.81, 0.42, 0.31) },
      {
        name: 'Random forest',
        family: 'random_forest',
        params: { trees: 100 },
        selected: false,
        metrics: metrics(0.79, 0.4, 0.28),
      },
    ],
    importance: { method: '|coefficient| × sd', values: [{ feature: 'failed_payments_30d', value: 0.7 }] },
    baseline: null,
    curves: {
      roc: { x: [0, 0.1, 1], y: [0, 0.5, 1] },
      pr: { x: [0, 0.5, 1], y: [1, 0.4, 0.1] },
      calibration: { predicted: [0.05, 0.5], observed: [0.04, 0.45], count: [900, 100] },
      threshold: { threshold: [0.1, 0.5], precision: [0.2, null], recall: [0.9, 0], f1: [0.33, null] },
    },
  };
}
