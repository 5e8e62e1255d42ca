/**
 * Per-stage benchmark of churnlab's tree models (presort, CART, random forest, classic boosting, TreeSHAP) against the
 * Python stack in the same run, on ../shared/bench/gen-flat.mjs data (first 80 % train, last 20 % test).
 *
 *   npx tsx bench/ml-trees.ts [--rows 100000] [--stages presort,cart,rf,gb,shap] [--rf-trees 200] [--shap-rows 20000]
 *                             [--no-python]
 *
 * --shap-rows may exceed the test rows (training rows follow); py_reference's own shap figure uses test rows only.
 *
 * Each stage runs in its own child process so its peak RSS is its own. Data are prepared as py_reference.py prepares
 * them (one-hot categoricals, training medians imputed) and held as Float32 columns: scikit-learn and XGBoost fit trees
 * on float32 too. Python runs through /usr/bin/time for its peak RSS. TreeSHAP is timed on the very trees XGBoost
 * explains (its JSON model imported into FlatTree), and the values are checked against pred_contribs.
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromXgboostTree, type XgboostTree } from '../src/ml/explain/fixtures/xgboost-trees.js';
import { treeShap } from '../src/ml/explain/tree-shap-models.js';
import { treeShapEnsemble } from '../src/ml/explain/tree-shap-parallel.js';
import {
  decisionTreeProba,
  fitDecisionTree,
  fitGradientBoosting,
  fitRandomForest,
  gradientBoostingProba,
  type Matrix,
  randomForestProba,
  rocAuc,
} from '../src/ml/index.js';
import { rankColumns } from '../src/ml/tree/ranked-columns.js';

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, 'out');
const SHARED = process.env.CHURN_SHARED ?? join(here, '..', '..', 'shared');
const PY = '/usr/bin/python3';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const rows = Number(opt('rows', '100000'));
const rfTrees = Number(opt('rf-trees', '200'));
const shapRows = Number(opt('shap-rows', '20000'));

interface Prepared {
  train: Matrix;
  test: Matrix;
  yTrain: Uint8Array;
  yTest: Uint8Array;
  names: string[];
}

/** One-hot + training-median imputation, as py_reference.py; cached as Float32 columns in bench/out. */
function prepare(): Prepared {
  mkdirSync(OUT, { recursive: true });
  const csv = join(OUT, `flat-${rows}.csv`);
  if (!existsSync(csv))
    writeFileSync(
      csv,
      execFileSync(process.execPath, [join(SHARED, 'bench', 'gen-flat.mjs'), String(rows), '42'], { maxBuffer: 1 << 30 }),
    );
  const bin = join(OUT, `trees-flat-${rows}.bin`);
  if (!existsSync(bin)) writeFileSync(bin, encode(parseCsv(readFileSync(csv, 'utf8'))));
  return decode(readFileSync(bin));
}

function parseCsv(text: string): Prepared {
  const lines = text.trimEnd().split('\n');
  const header = lines[0].split(',');
  const n = lines.length - 1;
  const cells = header.map(() => new Array<string>(n));
  for (let i = 0; i < n; i++) {
    const parts = lines[i + 1].split(',');
    for (let j = 0; j < header.length; j++) cells[j][i] = (parts[j] ?? '').trim();
  }
  const k = Math.floor(n * 0.8);
  const numeric: { name: string; v: Float64Array }[] = [];
  const dummies: { name: string; v: Float64Array }[] = [];
  header.forEach((name, j) => {
    if (name === 'customer_id' || name === 'churned') return;
    const v = Float64Array.from(cells[j], (s) => (s === '' ? Number.NaN : Number(s)));
    const present = cells[j].filter((s) => s !== '').length;
    if (v.filter((x) => x === x).length >= 0.95 * present) {
      const med = median(v.subarray(0, k));
      numeric.push({ name, v: v.map((x) => (x === x ? x : med)) });
    } else
      for (const level of [...new Set(cells[j].filter((s) => s !== ''))].sort())
        dummies.push({ name: `${name}_${level}`, v: Float64Array.from(cells[j], (s) => (s === level ? 1 : 0)) });
  });
  const cols = [...numeric, ...dummies];
  const y = Uint8Array.from(cells[header.indexOf('churned')], (s) => (s === '1' ? 1 : 0));
  const part = (a: number, b: number): Matrix => ({
    nRows: b - a,
    columns: cols.map((c) => Float32Array.from(c.v.subarray(a, b))),
  });
  return { train: part(0, k), test: part(k, n), yTrain: y.slice(0, k), yTest: y.slice(k), names: cols.map((c) => c.name) };
}

function median(v: Float64Array): number {
  const s = v.filter((x) => x === x).sort();
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

function encode(p: Prepared): Buffer {
  const head = Buffer.from(`${JSON.stringify({ names: p.names, nTrain: p.train.nRows, nTest: p.test.nRows })}\n`);
  const parts: Buffer[] = [head, Buffer.from(p.yTrain), Buffer.from(p.yTest)];
  for (const m of [p.train, p.test]) for (const c of m.columns) parts.push(Buffer.from(c.buffer, c.byteOffset, c.byteLength));
  return Buffer.concat(parts);
}

function decode(b: Buffer): Prepared {
  const nl = b.indexOf(10);
  const { names, nTrain, nTest } = JSON.parse(b.subarray(0, nl).toString()) as { names: string[]; nTrain: number; nTest: number };
  let at = nl + 1;
  const bytes = (len: number) => {
    const out = new Uint8Array(len);
    out.set(b.subarray(at, at + len));
    at += len;
    return out;
  };
  const yTrain = bytes(nTrain);
  const yTest = bytes(nTest);
  const matrix = (n: number): Matrix => ({ nRows: n, columns: names.map(() => new Float32Array(bytes(n * 4).buffer)) });
  return { yTrain, yTest, train: matrix(nTrain), test: matrix(nTest), names };
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;
/** CPU seconds (user + system, all threads) since `c0`: on a shared machine wall time alone misleads. */
const cpuSeconds = (c0: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(c0);
  return (u.user + u.system) / 1e6;
};
const rssMiB = () => process.resourceUsage().maxRSS / 1024;

/** Child-process stages: each prints one JSON line. */
function runStage(stage: string): Record<string, number | string> {
  const d = prepare();
  const n = d.train.nRows;
  switch (stage) {
    case 'presort': {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      rankColumns(d.train);
      const s = seconds(t0);
      return { stage, seconds: s, cpuSeconds: cpuSeconds(c0), rowsPerSecond: n / s, features: d.train.columns.length };
    }
    case 'cart': {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const m = fitDecisionTree(d.train, d.yTrain, { minSamplesLeaf: 20 });
      const fit = seconds(t0);
      return {
        stage,
        fitSeconds: fit,
        fitCpuSeconds: cpuSeconds(c0),
        rowsPerSecond: n / fit,
        nodes: m.tree.feature.length,
        auc: rocAuc(d.yTest, decisionTreeProba(m, d.test)),
      };
    }
    case 'rf': {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const m = fitRandomForest(d.train, d.yTrain, { nEstimators: rfTrees, nThreads: 2, seed: 0 });
      const fit = seconds(t0);
      const fitCpu = cpuSeconds(c0);
      const t1 = performance.now();
      const p = randomForestProba(m, d.test);
      const predict = seconds(t1);
      const nodes = m.trees.reduce((a, t) => a + t.feature.length, 0);
      return {
        stage,
        fitSeconds: fit,
        fitCpuSeconds: fitCpu,
        predictSeconds: predict,
        predictRowsPerSecond: d.test.nRows / predict,
        auc: rocAuc(d.yTest, p),
        nodesPerTree: nodes / rfTrees,
        peakRssMiB: rssMiB(),
      };
    }
    case 'gb': {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const m = fitGradientBoosting(d.train, d.yTrain, {});
      const fit = seconds(t0);
      const fitCpu = cpuSeconds(c0);
      const t1 = performance.now();
      const p = gradientBoostingProba(m, d.test);
      return {
        stage,
        fitSeconds: fit,
        fitCpuSeconds: fitCpu,
        predictSeconds: seconds(t1),
        auc: rocAuc(d.yTest, p),
        peakRssMiB: rssMiB(),
      };
    }
    case 'gb-shap': {
      // TreeSHAP on our own 300-tree depth-6 boosting model (for scale; the XGBoost comparison is stage 'shap').
      const m = fitGradientBoosting(d.train, d.yTrain, { nEstimators: 300, maxDepth: 6 });
      const X = slice(d.test, shapRows);
      const t0 = performance.now();
      treeShap(m, X, 2);
      const s = seconds(t0);
      return { stage, shapSeconds: s, rowsPerSecond: X.nRows / s };
    }
    case 'shap':
      return shapAgainstXgboost(d);
    default:
      throw new Error(`unknown stage ${stage}`);
  }
}

const concat = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

const slice = (m: Matrix, k: number): Matrix => ({
  nRows: Math.min(k, m.nRows),
  columns: m.columns.map((c) => c.subarray(0, Math.min(k, m.nRows))),
});

/** XGBoost (py_reference's settings: hist, 300 trees, depth 6, eta 0.1, 2 threads) explains rows; we explain the same trees. */
function shapAgainstXgboost(d: Prepared): Record<string, number | string> {
  // Rows to explain: test rows first, then training rows when more are asked for (timing does not depend on which).
  const all: Matrix = {
    nRows: d.test.nRows + d.train.nRows,
    columns: d.test.columns.map((c, j) => concat(c, d.train.columns[j])),
  };
  const X = slice(all, shapRows);
  const dir = join(OUT, 'trees-shap');
  mkdirSync(dir, { recursive: true });
  const write = (name: string, m: Matrix) => {
    const buf = Buffer.alloc(m.nRows * m.columns.length * 4);
    const view = new Float32Array(buf.buffer, buf.byteOffset, m.nRows * m.columns.length);
    m.columns.forEach((c, j) => {
      for (let i = 0; i < m.nRows; i++) view[i * m.columns.length + j] = c[i];
    });
    writeFileSync(join(dir, name), buf);
  };
  write('train.f32', d.train);
  write('explain.f32', X);
  writeFileSync(join(dir, 'train.y'), d.yTrain);
  const script = `
import json, time, numpy as np, xgboost as xgb
p = ${JSON.stringify(dir)}; nf = ${d.train.columns.length}
Xtr = np.fromfile(p + '/train.f32', dtype=np.float32).reshape(-1, nf); ytr = np.fromfile(p + '/train.y', dtype=np.uint8)
Xe = np.fromfile(p + '/explain.f32', dtype=np.float32).reshape(-1, nf)
m = xgb.XGBClassifier(tree_method='hist', n_estimators=300, max_depth=6, learning_rate=0.1, nthread=2).fit(Xtr, ytr)
b = m.get_booster(); model = json.loads(b.save_raw('json').decode())
d = xgb.DMatrix(Xe); t = time.perf_counter(); c0 = time.process_time(); c = b.predict(d, pred_contribs=True)
s = time.perf_counter() - t; cpu = time.process_time() - c0
keep = ['left_children', 'right_children', 'split_indices', 'split_conditions', 'default_left', 'sum_hessian']
json.dump(dict(seconds=s, cpu=cpu, base_score=float(model['learner']['learner_model_param']['base_score']),
  trees=[{k: t[k] for k in keep} for t in model['learner']['gradient_booster']['model']['trees']],
  contribs=c[:200].tolist()), open(p + '/xgb.json', 'w'))`;
  execFileSync(PY, ['-c', script], { stdio: ['ignore', 'inherit', 'inherit'] });
  const ref = JSON.parse(readFileSync(join(dir, 'xgb.json'), 'utf8')) as {
    seconds: number;
    cpu: number;
    base_score: number;
    trees: XgboostTree[];
    contribs: number[][];
  };
  const trees = ref.trees.map(fromXgboostTree);
  const p = X.columns.length;
  const ensemble = {
    trees,
    scale: 1,
    offset: Math.log(ref.base_score / (1 - ref.base_score)),
    nFeatures: p,
    unit: 'log-odds' as const,
  };
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const one = treeShapEnsemble(ensemble, X, 1);
  const s1 = seconds(t1);
  const cpu1 = cpuSeconds(c1);
  const t2 = performance.now();
  const two = treeShapEnsemble(ensemble, X, 2);
  const s2 = seconds(t2);
  let maxDiff = 0;
  ref.contribs.forEach((r, i) => {
    for (let f = 0; f < p; f++) maxDiff = Math.max(maxDiff, Math.abs(two.values[i * p + f] - r[f]));
  });
  const leaves = trees.reduce((a, t) => a + t.feature.filter((f) => f === -1).length, 0) / trees.length;
  const same = one.values.every((v, i) => v === two.values[i]);
  return {
    stage: 'shap',
    rows: X.nRows,
    xgboostSeconds: ref.seconds,
    xgboostCpuSeconds: ref.cpu,
    oneThreadSeconds: s1,
    oneThreadCpuSeconds: cpu1,
    twoThreadSeconds: s2,
    ratio: s2 / ref.seconds,
    cpuRatio: cpu1 / ref.cpu,
    rowsPerSecond: X.nRows / s2,
    leavesPerTree: leaves,
    maxAbsDiffVsXgboost: maxDiff,
    threadsAgree: same ? 'yes' : 'NO',
  };
}

/** Runs one child stage and parses its JSON line. */
function child(stage: string): Record<string, number | string> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', stage, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`stage ${stage} failed`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

/** py_reference.py for one model, under /usr/bin/time for its peak RSS. */
function python(model: string): Record<string, number | string> {
  prepare();
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'maxrss_kb=%M cpu_s=%U+%S',
      PY,
      join(SHARED, 'bench', 'py_reference.py'),
      '--csv',
      join(OUT, `flat-${rows}.csv`),
      '--target',
      'churned',
      '--id',
      'customer_id',
      '--models',
      model,
      '--shap-rows',
      String(shapRows),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (r.status !== 0) throw new Error(`py_reference ${model} failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
  const kb = Number(/maxrss_kb=(\d+)/.exec(r.stderr)?.[1]);
  const cpu = /cpu_s=([\d.]+)\+([\d.]+)/.exec(r.stderr);
  // CPU of the whole reference process (CSV load, preprocessing, fit, predict): an upper bound for its fit's CPU.
  return { ...out, processCpuSeconds: Number(cpu?.[1]) + Number(cpu?.[2]), peakRssMiB: kb / 1024 };
}

function main(): void {
  if (args[0] === '--child') {
    console.log(JSON.stringify(runStage(args[1])));
    return;
  }
  const stages = opt('stages', 'presort,cart,rf,gb,shap').split(',');
  const withPython = !args.includes('--no-python');
  console.log(`# churnlab tree models, ${rows} rows (train ${Math.floor(rows * 0.8)}), node ${process.version}`);
  const fmt = (v: unknown) => (typeof v === 'number' ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(4)) : String(v));
  const show = (label: string, r: Record<string, unknown>) =>
    console.log(
      `${label.padEnd(22)} ${Object.entries(r)
        .filter(([k]) => k !== 'stage')
        .map(([k, v]) => `${k}=${fmt(v)}`)
        .join('  ')}`,
    );
  for (const stage of stages) {
    const ours = child(stage);
    show(`churnlab ${stage}`, ours);
    if (!withPython) continue;
    if (stage === 'rf' || stage === 'gb') {
      const ref = python(stage);
      show(`sklearn ${stage}`, ref);
      console.log(
        `ratio ${stage}: fit ${fmt(Number(ours.fitSeconds) / Number(ref.fit_s))}x (CPU ≥ ${fmt(Number(ours.fitCpuSeconds) / Number(ref.processCpuSeconds))}x)  predict ${fmt(Number(ours.predictSeconds) / Number(ref.predict_s))}x  ` +
          `AUC ${fmt(Number(ours.auc) - Number(ref.auc))} (ours − sklearn)  peak RSS ${fmt(Number(ours.peakRssMiB) / Number(ref.peakRssMiB))}x`,
      );
    }
    if (stage === 'shap') {
      const ref = python('shap');
      show('py_reference shap', ref);
      console.log(
        `ratio shap (same trees, ${ours.rows} rows): wall ${fmt(ours.ratio)}x (2 threads each), CPU ${fmt(ours.cpuRatio)}x XGBoost pred_contribs`,
      );
    }
  }
}

main();
