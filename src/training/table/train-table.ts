/** trainTable: `churn train --table FILE.csv` — any flat churn table, stratified k-fold evaluation, the same artifact and registry. */
import type { LoadedConfig } from '../../config/index.js';
import { selectRows, transform } from '../../features/index.js';
import type { Store } from '../../store/index.js';
import { assess } from '../assess.js';
import { estimatorSpecs } from '../estimators/index.js';
import { resolveTrainOptions, type TrainOptions } from '../options.js';
import { type CandidateOutcome, candidateName } from '../outcome.js';
import { fitFamilies } from '../parallel/fit-families.js';
import { WorkMeter } from '../progress.js';
import { publish } from '../publish.js';
import { familyBudget, familyPlans, meterSteps, plannedTotal } from '../run-candidate.js';
import { finishRun } from '../run-finish.js';
import { stratifiedHoldout, stratifiedSample } from '../split/stratified.js';
import { cpuStopwatch, stopwatch } from '../stopwatch.js';
import type { TrainResult } from '../train-snapshots.js';
import type { CrossValidated } from './cross-validate.js';
import type { TableSchema } from './infer.js';
import { tableArtifact } from './table-artifact.js';
import { tableData } from './table-data.js';

/** What `churn train --table` adds to the training options. */
export interface TableTrainOptions extends TrainOptions {
  /** The label column. */
  target: string;
  /** Identifier column (passed through at scoring, never a feature); default: the first ID-like column, if any. */
  id?: string;
  /** The target value that means churned; default: the value spelled yes / true / 1 / churned. */
  positive?: string;
  /** Stratified cross-validation folds (default `training.folds`). */
  folds?: number;
  /** A numeric column holding each customer's monthly revenue (needed by the cost threshold). */
  revenueColumn?: string;
  /** Explicit fold (0 … k−1) of every row, e.g. to reproduce another tool's folds; overrides `folds`. */
  foldOf?: ArrayLike<number>;
}

/** The result of a table run: a training result plus the inferred schema. */
export interface TableTrainResult extends TrainResult {
  schema: TableSchema;
}

/** Rows importance is measured on: the final model has no held-out rows, so a stratified sample of the table. */
const IMPORTANCE_ROWS = 5000;

/** Trains every requested family on the table in `file`, evaluated by stratified k-fold cross-validation. */
export async function trainTable(
  store: Store,
  config: LoadedConfig,
  file: string,
  options: TableTrainOptions,
): Promise<TableTrainResult> {
  const o = resolveTrainOptions(config, options);
  const clock = stopwatch();
  const cpu = cpuStopwatch();
  const cpuSeconds: Record<string, number> = {};
  const { data, schema, positive, folds, revenue } = tableData(file, {
    ...options,
    folds: options.folds ?? config.training.folds,
    threshold: o.threshold,
    seed: o.seed,
  });
  const { frame, label } = data;
  const k = folds.length;
  const all = Int32Array.from({ length: label.length }, (_, i) => i);
  const timings: Record<string, number> = { read: clock() };
  cpuSeconds.read = cpu();

  const inner = stratifiedHoldout(label, folds[0].fit, 0.2, o.seed);
  const plans = familyPlans(o, data, { searchFit: inner.fit, final: folds[0].fit, refit: true }, () => familyBudget(o));
  const meter = new WorkMeter(plannedTotal(plans, k + 1), o.onProgress);
  const tunedOn = `${k}-fold stratified cross-validation (seed ${o.seed}): each fold's search scored on a stratified 20 % of its training part; threshold${o.calibrate === 'none' ? '' : ' and calibration'} tuned on the out-of-fold predictions`;
  const results = await fitFamilies(o.families, data, { kind: 'cv', folds }, plans, o.seed, meterSteps(meter), o.parallel);
  const outcomes = results.map((result, i): CandidateOutcome => {
    const family = o.families[i];
    const cv = result as Pick<CrossValidated, 'oof' | 'trials' | 'skipped' | 'config'> & {
      final: Pick<CrossValidated['final'], 'pre' | 'model'>;
    };
    const assessment = assess({ y: label, p: cv.oof, monthlyRevenue: revenue, source: tunedOn }, { y: label, p: cv.oof }, o);
    return {
      family,
      name: candidateName(family),
      config: cv.config,
      imbalance: estimatorSpecs[family].imbalance,
      search: { tunedOn, trials: cv.trials, skipped: cv.skipped, budgetSeconds: familyBudget(o) },
      preprocessor: cv.final.pre,
      model: cv.final.model,
      assessment,
    };
  });
  timings.candidates = clock();
  cpuSeconds.candidates = cpu();
  const sampleRows = stratifiedSample(label, all, IMPORTANCE_ROWS, o.seed);
  const sample = selectRows(frame, sampleRows);
  const sampleY = Uint8Array.from(sampleRows, (i) => label[i]);
  const finished = finishRun(
    outcomes,
    { matrixOf: (c) => transform(c.preprocessor, sample), y: sampleY, name: 'out-of-fold' },
    o.seed,
    meter,
  );
  timings.importance = clock();
  cpuSeconds.importance = cpu();
  const artifact = tableArtifact(config, o, {
    file,
    target: { column: options.target, positive },
    folds: k,
    schema,
    data,
    outcomes,
    finished,
  });
  const trustNotes = [
    'Thresholds were tuned on the same out-of-fold predictions the metrics come from, so precision, recall and F1 are slightly optimistic; ROC-AUC and PR-AUC do not depend on the threshold.',
    `Inferred ${schema.inputs.length} features; left out: ${schema.dropped.map((d) => `${d.name} (${d.reason})`).join('; ') || 'none'}.`,
    ...schema.notes,
  ];
  const published = await publish(store, config, { artifact, outcomes, importance: finished.importance, timings, trustNotes }, o);
  timings.publish = clock();
  cpuSeconds.publish = cpu();
  return {
    artifact,
    outcomes,
    selected: finished.selected.family,
    importance: finished.importance,
    version: published.version,
    files: published.files,
    trainingSetReused: false,
    timings,
    cpuSeconds,
    schema,
  };
}
