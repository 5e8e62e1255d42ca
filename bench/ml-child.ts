/**
 * One churnlab model on one dataset, in its own process so its peak RSS is its own (`npm run bench:ml` spawns it).
 * Prints one JSON line: mean fit/predict seconds and ROC-AUC over the split's folds, and the process's peak RSS.
 * Usage: tsx bench/ml-child.ts --table FILE --split tail|cv --model lr|rf|gb|hgb|shap [--threads 2] [--trees 300]
 *        [--depth 6] [--shap-rows 5000]
 */

import { parseArgs } from 'node:util';
import type { Matrix } from '../src/ml/index.js';
import * as ml from '../src/ml/index.js';
import { loadSplit, rocAuc, splits, tableLabels } from './ml-data.js';

const { values: a } = parseArgs({
  options: {
    table: { type: 'string' },
    split: { type: 'string', default: 'tail' },
    model: { type: 'string' },
    threads: { type: 'string', default: '2' },
    trees: { type: 'string', default: '300' },
    depth: { type: 'string', default: '6' },
    'shap-rows': { type: 'string', default: '5000' },
  },
});
const threads = Number(a.threads);
const lib = ml as unknown as Record<string, unknown>;

type Fit = (X: Matrix, y: Uint8Array, params?: object) => unknown;
type Predict = (model: unknown, X: Matrix) => Float64Array;
interface Runner {
  float32: boolean;
  /** Preprocessing the reference also does outside its timers (LR: StandardScaler fitted on the training rows). */
  prepare?(train: Matrix, test: Matrix): { train: Matrix; test: Matrix };
  fit(X: Matrix, y: Uint8Array): unknown;
  predict(model: unknown, X: Matrix): Float64Array;
  explain?(model: unknown, X: Matrix): void;
}

/** A model's runner, or a note saying why it is not there (not exported from src/ml/index.ts yet). */
async function runner(model: string): Promise<Runner | string> {
  const fn = <T>(name: string) => (typeof lib[name] === 'function' ? (lib[name] as T) : undefined);
  const boost = await import('../src/ml/boost/index.js');
  const hgbParams = { nEstimators: Number(a.trees), maxDepth: Number(a.depth), learningRate: 0.1, nThreads: threads };
  switch (model) {
    case 'lr': {
      const train = fn<Fit>('fitLogistic');
      const proba = fn<Predict>('logisticProba');
      if (!train || !proba) return 'fitLogistic not exported from src/ml/index.ts';
      // py_reference.py scales before starting its timers, so the scaling is done outside ours too.
      return { float32: false, prepare: standardise, fit: (X, y) => train(X, y), predict: (m, X) => proba(m, X) };
    }
    case 'rf': {
      const train = fn<Fit>('fitRandomForest');
      const proba = fn<Predict>('randomForestProba') ?? fn<Predict>('predictProba');
      if (!train || !proba) return 'fitRandomForest not exported from src/ml/index.ts';
      // Float32 columns: scikit-learn's forest converts X to float32 before fitting, and predicts on float32 too.
      return { float32: true, fit: (X, y) => train(X, y, { nEstimators: 200, nThreads: threads }), predict: proba };
    }
    case 'gb': {
      const train = fn<Fit>('fitGradientBoosting');
      const proba = fn<Predict>('gradientBoostingProba') ?? fn<Predict>('predictProba');
      if (!train || !proba) return 'fitGradientBoosting not exported from src/ml/index.ts';
      return { float32: false, fit: (X, y) => train(X, y), predict: proba };
    }
    case 'hgb':
      return {
        float32: true,
        fit: (X, y) => boost.fitHistBoosting(X, y, hgbParams),
        predict: (m, X) => boost.predictHistBoostingProba(m as Parameters<typeof boost.predictHistBoostingProba>[0], X),
      };
    case 'shap': {
      // The booster as TreeSHAP's additive ensemble: margin = baseMargin + Σ trees (log-odds).
      const shap = fn<(ensemble: object, X: Matrix, nThreads?: number) => unknown>('treeShapEnsemble');
      if (!shap) return 'treeShapEnsemble not exported from src/ml/index.ts';
      type Boosted = Parameters<typeof boost.predictHistBoostingProba>[0];
      return {
        float32: true,
        fit: (X, y) => boost.fitHistBoosting(X, y, hgbParams),
        predict: (m, X) => boost.predictHistBoostingProba(m as Boosted, X),
        explain: (m, X) => {
          const b = m as Boosted;
          shap({ trees: b.trees, scale: 1, offset: b.baseMargin, nFeatures: b.nFeatures, unit: 'log-odds' }, X, threads);
        },
      };
    }
    default:
      return `unknown model ${model}`;
  }
}

/** Standard scaling as the reference's StandardScaler: mean and population sd of the training rows, applied to both. */
function standardise(train: Matrix, test: Matrix): { train: Matrix; test: Matrix } {
  const scaled = train.columns.map((c) => {
    let s = 0;
    for (let i = 0; i < c.length; i++) s += c[i];
    const mean = s / c.length;
    let v = 0;
    for (let i = 0; i < c.length; i++) v += (c[i] - mean) ** 2;
    return { mean, sd: Math.sqrt(v / c.length) || 1 };
  });
  const apply = (X: Matrix): Matrix => ({
    nRows: X.nRows,
    columns: X.columns.map((c, j) => {
      const { mean, sd } = scaled[j];
      const out = new Float64Array(c.length);
      for (let i = 0; i < c.length; i++) out[i] = (c[i] - mean) / sd;
      return out;
    }),
  });
  return { train: apply(train), test: apply(test) };
}

const run = await runner(a.model ?? '');
if (typeof run === 'string') {
  console.log(JSON.stringify({ model: a.model, skipped: run }));
  process.exit(0);
}
const labels = tableLabels(a.table ?? '');
const rows: Record<string, number>[] = [];
for (const s of splits(labels, a.split === 'cv' ? 'cv' : 'tail')) {
  const d = loadSplit(a.table ?? '', s.train, s.test, run.float32);
  if (run.prepare) Object.assign(d, run.prepare(d.train, d.test));
  let t = performance.now();
  const model = run.fit(d.train, d.yTrain);
  const fit = (performance.now() - t) / 1000;
  t = performance.now();
  const p = run.predict(model, d.test);
  const predict = (performance.now() - t) / 1000;
  const r: Record<string, number> = { fit_s: fit, predict_s: predict, auc: rocAuc(d.yTest, p) };
  if (run.explain) {
    const n = Math.min(Number(a['shap-rows']), d.test.nRows);
    const Xs = { nRows: n, columns: d.test.columns.map((c) => c.subarray(0, n)) };
    t = performance.now();
    run.explain(model, Xs);
    r.shap_s = (performance.now() - t) / 1000;
    r.shap_rows = n;
  }
  rows.push(r);
}
const mean = (k: string) => rows.reduce((s, r) => s + r[k], 0) / rows.length;
const out: Record<string, unknown> = { model: a.model, folds: rows.length };
for (const k of Object.keys(rows[0])) out[k] = mean(k);
const m = mean('auc');
out.auc_sd = Math.sqrt(rows.reduce((s, r) => s + (r.auc - m) ** 2, 0) / rows.length);
out.maxrss_mb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify(out));
