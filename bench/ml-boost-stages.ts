/**
 * Per-stage benchmark of histogram boosting (pygbm's habit: one figure per stage, so a regression points at its
 * stage): binning, one root histogram, one root split of the records, one depth-6 tree, batch prediction — each in
 * rows/s, on the gen-flat table (one-hot, median-imputed, float32 as XGBoost stores it). The CPU column (process
 * CPU of the fastest run, worker thread included) stays readable when other work shares the cores.
 *   npx tsx bench/ml-boost-stages.ts [--rows 1000000] [--threads 1|2]
 */

import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { binDataset } from '../src/ml/boost/dataset.js';
import { fitHistBoosting } from '../src/ml/boost/fit.js';
import { GrowerScratch, growTree } from '../src/ml/boost/grower.js';
import { newHistogram } from '../src/ml/boost/histogram.js';
import { updateRecords } from '../src/ml/boost/loss.js';
import { predictMargin } from '../src/ml/boost/predictor.js';
import { initRecords } from '../src/ml/boost/row-store.js';
import { trainingKernels } from '../src/ml/boost/training-kernels.js';
import { flatCsv, loadSplit, splits, tableFile, tableLabels } from './ml-data.js';

const { values: a } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, threads: { type: 'string', default: '1' } },
});
const rows = Number(a.rows);
const threads = Number(a.threads);
const table = tableFile(flatCsv(rows), 'churned', 'customer_id', `flat-${rows}`);
const [s] = splits(tableLabels(table), 'tail');
const d = loadSplit(table, s.train, s.test, true);
const n = d.train.nRows;

/** Process CPU time (all threads) of the fastest run, for reading figures taken on a loaded machine. */
let cpuOfBest = 0;

/** Best of `reps` timings of fn, in seconds. */
function best(reps: number, fn: () => void): number {
  let t = Number.POSITIVE_INFINITY;
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    const wall = (performance.now() - t0) / 1000;
    if (wall < t) {
      t = wall;
      const c = process.cpuUsage(c0);
      cpuOfBest = (c.user + c.system) / 1e6;
    }
  }
  return t;
}
const line = (stage: string, count: number, seconds: number, unit = 'rows') =>
  console.log(
    `| ${stage} | ${(seconds * 1000).toFixed(1)} ms | ${(cpuOfBest * 1000).toFixed(1)} ms | ${(count / seconds / 1e6).toFixed(2)} M ${unit}/s |`,
  );

console.log(
  `histogram boosting stages: ${n.toLocaleString('en')} training rows × ${d.train.columns.length} features, ${threads} thread(s)\n`,
);
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}\n`,
);
console.log('| stage | time | CPU (all threads) | throughput |\n|---|---:|---:|---:|');
let data = binDataset(d.train, 255, true, 0);
line(
  'binning + bundling (fit edges, bin, pack records)',
  n,
  best(2, () => {
    data = binDataset(d.train, 255, true, 0);
  }),
);
console.log(
  `|   → ${data.nGroups} histogram columns from ${data.layout.nFeatures} features (${data.layout.nDense} dense) | | | |`,
);
initRecords(data.store, d.yTrain, new Float64Array(n).fill(1), 0);
updateRecords(data.store, 0, 0, n, 0);
line(
  'gradients (log loss, all rows)',
  n,
  best(3, () => updateRecords(data.store, 0, 0, n, 0)),
);
const kernels = trainingKernels(data.store, data.layout.nDense, threads);
const hist = newHistogram(data.nGroups);
line(
  'root histogram (all rows)',
  n,
  best(5, () => kernels.buildHistogram(0, 0, n, hist)),
);
const route = Uint8Array.from({ length: 256 }, (_, b) => (b < 40 ? 1 : 0));
line(
  'root split (copy all records to children)',
  n,
  best(5, () => kernels.split(0, 0, n, 0, route)),
);
const scratch = new GrowerScratch(data.layout.nFeatures, data.nGroups);
const all = Int32Array.from({ length: data.layout.nFeatures }, (_, i) => i);
const ctx = {
  data,
  kernels,
  reg: { lambda: 1, alpha: 0, gamma: 0, minChildWeight: 1 },
  maxDepth: 6,
  maxLeaves: 0,
  lossGuided: false,
  learningRate: 0.1,
};
line(
  'one depth-6 tree (histograms, splits, partitions)',
  n,
  best(3, () => growTree(ctx, scratch, n, all)),
);
kernels.close();
const model = fitHistBoosting(d.train, d.yTrain, { nEstimators: 300, maxDepth: 6, learningRate: 0.1, nThreads: threads });
const m = d.test.nRows;
line(
  'predict, 300 trees, 1 thread',
  m * 300,
  best(3, () => predictMargin(model, d.test, 1)),
  'row-trees',
);
line(
  'predict, 300 trees, 2 threads',
  m * 300,
  best(3, () => predictMargin(model, d.test, 2)),
  'row-trees',
);
