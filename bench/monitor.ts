/**
 * `churn monitor` drift benchmark on 100k customers × 12 months (SQLite): the drift run (snapshot at the newest date,
 * scored by the model, PSI of every baseline feature and of the score, run stored) and the whole monitor cycle.
 * Reference measured in the same run: the point-in-time snapshot alone (the floor of any drift run — it must be
 * computed to have something to compare), so "× snapshot" says what scoring + PSI + storing add.
 * The store file is shared with bench/features.ts (bench/out/features-100k-12m.db): reused when it exists, else
 * generated once. The model is a quick logistic regression on two cutoffs, not registered, kept in
 * bench/out/monitor-model-<N>k-<M>m.json and reused (`--retrain` trains it again); the bench deletes the
 * monitoring_runs rows and alerts it wrote so the shared store file is left as it was found.
 *
 * Batch drift (`churn monitor --batch`): every scored customer is logged once through the API's prediction log
 * (bufferedPredictionLog) without and then with its model-input values (features_json), timing both writes, and the
 * batch drift run over the logged rows is timed against the snapshot run above. The logged rows are deleted afterwards.
 *
 *   npm run bench:monitor   (= npx tsx bench/monitor.ts [--customers 100000] [--months 12] [--retrain])
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import { loadConfig } from '../src/config/index.js';
import { addDays, dataRange, monthEnd, snapshotAt } from '../src/features/index.js';
import {
  baselineOf,
  batchWindow,
  driftOptionsOf,
  driftReport,
  monitorCycle,
  runBatchDrift,
  runDrift,
} from '../src/monitoring/index.js';
import { decodeArtifact, encodeArtifact, type ModelArtifact } from '../src/registry/index.js';
import { loadScorer } from '../src/scoring/index.js';
import type { LoggedPrediction } from '../src/serving/index.js';
import { bufferedPredictionLog } from '../src/serving/log/prediction-log.js';
import { trainModels } from '../src/training/index.js';
import { generatedStoreFile, openGeneratedStore, timed } from './generated-store.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const customers = arg('customers', 100_000);
const months = arg('months', 12);
const file = generatedStoreFile(customers, months);
const modelFile = `bench/out/monitor-model-${customers / 1000}k-${months}m.json`;

const loadBefore = loadavg()[0];
const store = await openGeneratedStore(customers, months);
const project = mkdtempSync(path.join(tmpdir(), 'churn-bench-monitor-'));
const config = loadConfig({ projectDir: project, env: {} });
const newest = (await dataRange(store)).newest as string;
// The newest month end whose 30-day horizon is observed is the validation cutoff; the month end before it trains.
const matured = addDays(newest, -30);
const last = monthEnd(matured) <= matured ? monthEnd(matured) : addDays(matured, -Number(matured.slice(8)));
const cutoffs = [monthEnd(addDays(last, -31)), last];
async function quickModel(): Promise<ModelArtifact> {
  if (existsSync(modelFile) && !process.argv.includes('--retrain')) {
    console.log(`model from ${modelFile} (--retrain to train it again)`);
    return decodeArtifact(readFileSync(modelFile, 'utf8'), modelFile);
  }
  const [trained, trainS] = await timed(() =>
    trainModels(store, config, {
      models: 'lr',
      budgetSeconds: 0,
      cutoffs,
      validationCutoffs: [last],
      register: false,
      writeFiles: false,
      codeVersion: 'bench',
    }),
  );
  writeFileSync(modelFile, encodeArtifact(trained.artifact));
  console.log(`lr on cutoffs ${cutoffs.join(', ')} trained in ${trainS.toFixed(1)} s, saved to ${modelFile}`);
  return trained.artifact;
}
const scorer = loadScorer(await quickModel());
console.log(`model ${scorer.modelId}`);

const [snap, snapS, snapCpu] = await timed(() => snapshotAt(store, newest, { horizonDays: 30 }));
const [drift, driftS, driftCpu] = await timed(() => runDrift(store, scorer, config, { writeFile: false }));
// The PSI pass alone, on the same prepared rows (one pass per feature + one over the score).
const prepared = scorer.prepareFrame(snap.frame);
const probability = scorer.score(prepared).probability;
const [, psiS] = await timed(() =>
  driftReport(scorer.modelId, newest, baselineOf(scorer.artifact), prepared.frame, probability, driftOptionsOf(config)),
);
const [cycle, cycleS, cycleCpu] = await timed(() => monitorCycle(store, scorer, config, { writeFile: false, log: () => {} }));

// The API's prediction log writing one row per customer, as /batch_predict would (batches of 10,000 rows).
const requestId = `bench-monitor-${process.pid}`;
const logged = (withFeatures: boolean): LoggedPrediction[] => {
  const fields = scorer.input.fields.map((f) => f.name);
  return snap.frame.customerId.map((id, i) => {
    const features: Record<string, number | string | null> = {};
    for (const name of fields) {
      const v = snap.frame.columns[name]?.[i];
      features[name] = typeof v === 'number' && Number.isNaN(v) ? null : (v ?? null);
    }
    return {
      source: 'batch' as const,
      requestId,
      customerRef: id,
      snapshotDate: null,
      modelId: scorer.modelId,
      inputHash: '',
      probability: probability[i],
      decision: 0 as const,
      riskBucket: 'Low',
      features: withFeatures ? features : null,
    };
  });
};
const writeLog = async (rows: LoggedPrediction[]) => {
  const log = bufferedPredictionLog(store, pino({ level: 'silent' }) as unknown as FastifyBaseLogger, {
    batchRows: 10_000,
    flushMs: 60_000,
  });
  for (const r of rows) log.add(r);
  await log.close();
};
const plain = logged(false);
const [, plainLogS] = await timed(() => writeLog(plain));
await store.run('DELETE FROM predictions WHERE request_id = ?', [requestId]);
const withFeatures = logged(true);
const from = new Date().toISOString();
const [, featureLogS] = await timed(() => writeLog(withFeatures));
const [batch, batchS, batchCpu] = await timed(() =>
  runBatchDrift(store, scorer, config, batchWindow({ from, source: 'api' }), { writeFile: false }),
);
await store.run('DELETE FROM predictions WHERE request_id = ?', [requestId]);
const loadAfter = loadavg()[0];

const r = drift.report;
const cells = r.rows * r.features.length;
console.log(
  `\nmachine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}; ` +
    `load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after`,
);
console.log(`data ${file}: ${r.rows} active customers on ${r.at}, ${r.features.length} baseline features + the score`);
console.log('| step | wall s | CPU s | wall × snapshot | CPU × snapshot |');
console.log('|---|---:|---:|---:|---:|');
const line = (step: string, wall: number, cpu: number) =>
  console.log(
    `| ${step} | ${wall.toFixed(2)} | ${cpu.toFixed(2)} | ${(wall / snapS).toFixed(2)} | ${(cpu / snapCpu).toFixed(2)} |`,
  );
line('snapshot alone (reference)', snapS, snapCpu);
line('runDrift (snapshot + score + PSI + run row)', driftS, driftCpu);
line('monitor cycle (drift + alerts + performance)', cycleS, cycleCpu);
line(`monitor --batch over ${batch.report.rows} logged predictions with features`, batchS, batchCpu);
console.log(
  `prediction log, ${plain.length.toLocaleString('en')} rows: ${plainLogS.toFixed(2)} s without features_json, ` +
    `${featureLogS.toFixed(2)} s with it (× ${(featureLogS / plainLogS).toFixed(2)}); batch verdict ${batch.report.verdict.dataset}`,
);
console.log(
  `PSI pass alone: ${psiS.toFixed(3)} s for ${cells.toLocaleString('en')} feature values = ${Math.round(cells / psiS).toLocaleString('en')} values/s`,
);
console.log(
  `verdict ${r.verdict.dataset}; target runDrift < 15 s: wall ${driftS.toFixed(1)} s → ${driftS < 15 ? 'met' : 'NOT met'}, ` +
    `CPU ${driftCpu.toFixed(1)} s`,
);

// Leave the shared store as found: drop the runs (and any alerts) this bench wrote.
const runIds = [drift.run.runId, cycle.driftRun.runId, batch.run.runId];
for (const id of runIds) await store.run('DELETE FROM monitoring_runs WHERE run_id = ?', [id]);
for (const a of cycle.alerts) if (!a.deduplicated) await store.run('DELETE FROM alerts WHERE alert_id = ?', [a.alertId]);
await store.close();
rmSync(project, { recursive: true, force: true });
