/**
 * Scoring benchmark: per-stage times of batch scoring a project's current model (snapshot, prepare, score, explain,
 * assess = drivers in words + value + action, predictions table, CSV), then the same model on 100k rows (the active
 * customers' snapshot repeated) to show how scoring and explanations scale, and `churn predict` streaming a ≥ 300k-row
 * CSV. Reference in the same run: the bare estimator predictProba on the same matrix.
 *
 *   npx tsx bench/scoring.ts [PROJECT_DIR]   (a folder where `churn run` has been run; default: the current folder)
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, resolvePath } from '../src/config/index.js';
import { concatFrames, type FeatureFrame } from '../src/features/index.js';
import { type ClassifierModel, predictProba } from '../src/ml/index.js';
import { currentModel, registryDir } from '../src/registry/index.js';
import {
  activeCustomers,
  customerScoresCsv,
  loadScorer,
  predictCsv,
  savePredictions,
  scoreCustomers,
} from '../src/scoring/index.js';
import { openStore } from '../src/store/index.js';

const projectDir = path.resolve(process.argv[2] ?? '.');
const config = loadConfig({ projectDir });
const store = await openStore(config.databaseUrl, { baseDir: projectDir });
const { artifact } = await currentModel(registryDir(config));
const scorer = loadScorer(artifact);
// Wall and CPU seconds (user + system of this process, worker threads included): on a shared machine the CPU figure
// is the one that does not depend on how many other processes compete for the two cores.
let cpu = 0;
const time = async <T>(work: () => T | Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const c = process.cpuUsage();
  const out = await work();
  const used = process.cpuUsage(c);
  cpu = (used.user + used.system) / 1e6;
  return [out, (performance.now() - t) / 1000];
};
const rows: [string, string, number, number, string][] = [];
const add = (scale: string, step: string, seconds: number, n: number) =>
  rows.push([scale, step, seconds, cpu, `${Math.round(n / seconds).toLocaleString('en')} rows/s`]);

const [active, tSnap] = await time(() => activeCustomers(store, scorer));
const n = active.frame.nRows;
add(`${n} customers`, 'snapshot (SQL)', tSnap, n);
const [full, tBatch] = await time(() => scoreCustomers(store, scorer));
add(`${n} customers`, 'scoreCustomers (snapshot + all below)', tBatch, n);
const [, tSave] = await time(() => savePredictions(store, full));
add(`${n} customers`, 'savePredictions (replace model+date rows)', tSave, n);
const [, tCsv] = await time(() => customerScoresCsv(full));
add(`${n} customers`, 'customer_scores.csv text', tCsv, n);

// churn predict on the project's training-set CSV repeated to ≥ 300k rows: streamed, so memory stays flat.
const source = path.join(resolvePath(config, config.paths.processed), 'training-set.csv');
const [head, ...body] = readFileSync(source, 'utf8').trimEnd().split('\n');
const times = Math.ceil(300_000 / body.length);
const big = path.join(tmpdir(), 'churn-bench-predict.csv');
writeFileSync(big, `${head}\n${Array.from({ length: times }, () => body.join('\n')).join('\n')}\n`);
const rssBefore = process.memoryUsage().rss;
const [summary, tPredict] = await time(() => predictCsv(scorer, big, path.join(tmpdir(), 'churn-bench-predict.out.csv')));
add(
  `${summary.rows} CSV rows (${(statSync(big).size / 1e6).toFixed(0)} MB)`,
  `churn predict, streamed (peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, ${(rssBefore / 1e6).toFixed(0)} MB before)`,
  tPredict,
  summary.rows,
);
rmSync(big);

const copies = Math.ceil(100_000 / n);
const repeated: FeatureFrame = concatFrames(Array.from({ length: copies }, () => active.frame));
for (const [label, frame] of [
  [`${n} customers`, active.frame],
  [`${repeated.nRows} rows`, repeated],
] as const) {
  const [prepared, tPrep] = await time(() => scorer.prepareFrame(frame));
  add(label, 'prepare (derive + preprocess)', tPrep, frame.nRows);
  const [, tRef] = await time(() => predictProba(artifact.estimator.state as ClassifierModel, prepared.X));
  add(label, 'reference: bare predictProba', tRef, frame.nRows);
  const [, tScore] = await time(() => scorer.score(prepared));
  add(label, `score (${(tScore / tRef).toFixed(2)}× reference)`, tScore, frame.nRows);
  const [, tExplain] = await time(() => scorer.explain(prepared));
  add(label, 'explain (exact SHAP + business sums + additivity check)', tExplain, frame.nRows);
  const [, tAssess] = await time(() => scorer.assess(prepared));
  add(label, 'assess (score + explain + words + CLV + action)', tAssess, frame.nRows);
}
await store.close();

console.log(`model ${artifact.modelId} (${artifact.estimator.family}, ${artifact.features.modelInputs.length} input columns)`);
console.log('| scale | step | wall s | CPU s | throughput (wall) |\n|---|---|---:|---:|---:|');
for (const [scale, step, s, c, rate] of rows) console.log(`| ${scale} | ${step} | ${s.toFixed(3)} | ${c.toFixed(3)} | ${rate} |`);
