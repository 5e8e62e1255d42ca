/** trainModels: the snapshot training run — training set, candidates, out-of-time evaluation, selection, artifact, registry. */
import type { Worker } from 'node:worker_threads';
import { type LoadedConfig, resolvePath } from '../config/index.js';
import { deriveFeatures, modelFeatures, numericColumn, selectRows, transform } from '../features/index.js';
import type { ModelArtifact, ModelVersion } from '../registry/index.js';
import type { Store } from '../store/index.js';
import { assess } from './assess.js';
import { type CandidateFit, type CandidateRows, type LearningData, labelsOf } from './candidate.js';
import { obtainTrainingSet } from './data/training-set-cache.js';
import type { CandidateFamily } from './families.js';
import type { GlobalImportance } from './importance/index-of-model.js';
import { type ResolvedTrainOptions, resolveTrainOptions, type TrainOptions } from './options.js';
import { type CandidateOutcome, candidateName } from './outcome.js';
import { fitFamilies, startFamilyWorkers } from './parallel/fit-families.js';
import { WorkMeter } from './progress.js';
import { type PublishedFiles, publish } from './publish.js';
import { familyPlans, holdoutOutcome, meterSteps, plannedTotal, snapshotSearchBudget } from './run-candidate.js';
import { finishRun } from './run-finish.js';
import { snapshotArtifact } from './snapshot-artifact.js';
import { stratifiedSample } from './split/stratified.js';
import { requireBothClasses, timeSplit } from './split/time-split.js';
import { cpuStopwatch, stopwatch } from './stopwatch.js';

/** The search fits on at most this many rows (a stratified sample of the inner fit part); final models use every row. */
export const SEARCH_ROWS = 60_000;

/** The result of a training run. */
export interface TrainResult {
  artifact: ModelArtifact;
  /** Every candidate, in simplicity order. */
  outcomes: CandidateOutcome[];
  selected: CandidateFamily;
  /** The selected model's native, permutation and mean |SHAP| importance (the artifact stores mean |SHAP|). */
  importance: GlobalImportance;
  /** The registry version, or null when not registered. */
  version: ModelVersion | null;
  files: PublishedFiles;
  /** Snapshots: whether the saved training set was reused. */
  trainingSetReused: boolean;
  /** Wall-clock seconds per stage (kept out of the artifact, which holds no clock time). */
  timings: Record<string, number>;
  /** CPU seconds per stage, every thread of the process (the same keys as `timings`). */
  cpuSeconds: Record<string, number>;
}

/**
 * Trains every requested family on stacked monthly snapshots, evaluates each on the out-of-time validation cutoff(s)
 * at its own tuned threshold, selects one, and builds — and by default registers and promotes — its artifact.
 */
export async function trainModels(store: Store, config: LoadedConfig, options: TrainOptions = {}): Promise<TrainResult> {
  const o = resolveTrainOptions(config, options);
  const clock = stopwatch();
  const cpu = cpuStopwatch();
  // The fitting threads start now, so their start-up overlaps building the training set.
  const workers = startFamilyWorkers(o.families.length, o.parallel);
  try {
    return await trainOnSnapshots(store, config, o, { clock, cpu }, workers);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The run itself, on threads already started. */
async function trainOnSnapshots(
  store: Store,
  config: LoadedConfig,
  o: ResolvedTrainOptions,
  watches: { clock: () => number; cpu: () => number },
  workers: Worker[],
): Promise<TrainResult> {
  const obtained = await obtainTrainingSet(
    store,
    o.writeFiles ? resolvePath(config, config.paths.processed) : null,
    { cutoffs: o.cutoffs, horizonDays: o.horizonDays, validationCutoffs: o.validationCutoffs },
    {
      rebuild: o.rebuild,
      onSnapshot: (done, total, cutoff) => o.onProgress({ stage: 'data', step: `snapshot ${cutoff}`, done, total }),
    },
  );
  const set = obtained.set;
  const split = timeSplit(set, o.seed);
  requireBothClasses(set.label, split.innerScore, `The inner validation (${split.innerCutoffs.score.join(', ')})`);
  requireBothClasses(set.label, split.validation, `The out-of-time validation (${split.validationCutoffs.join(', ')})`);
  const frame = deriveFeatures(set.frame);
  const data: LearningData = { frame, label: set.label, features: modelFeatures().map((f) => ({ name: f.name, type: f.type })) };
  const rows: CandidateRows = {
    searchFit: stratifiedSample(set.label, split.innerFit, SEARCH_ROWS, o.seed),
    searchScore: split.innerScore,
    final: o.refit ? split.train : split.innerFit,
    refit: o.refit,
    evaluate: split.validation,
  };
  const timings: Record<string, number> = {};
  const cpuSeconds: Record<string, number> = {};
  const lap = (stage: string) => {
    timings[stage] = watches.clock();
    cpuSeconds[stage] = watches.cpu();
  };
  lap('trainingSet');

  const plans = familyPlans(o, data, rows, snapshotSearchBudget(o));
  const meter = new WorkMeter(plannedTotal(plans), o.onProgress);
  const revenue = numericColumn(frame, 'effective_monthly_price');
  const tuning = { y: labelsOf(data, rows.searchScore), monthlyRevenue: Float64Array.from(rows.searchScore, (i) => revenue[i]) };
  const yVal = labelsOf(data, rows.evaluate);
  const tunedOn = `inner validation: ${split.innerNote}`;
  const fitting = fitFamilies(o.families, data, { kind: 'holdout', rows }, plans, o.seed, meterSteps(meter), o.parallel, workers);
  // The workers have their first families (posted synchronously above): the training-set files are written meanwhile.
  try {
    obtained.save();
  } catch (e) {
    await fitting.catch(() => undefined);
    throw e;
  }
  const fits = await fitting;
  const outcomes = fits.map((result, i) => {
    const fit = result as Omit<CandidateFit, 'spec'>;
    const assessment = assess({ ...tuning, p: fit.tuning, source: tunedOn }, { y: yVal, p: fit.evaluated }, o);
    meter.step('evaluate', `${candidateName(o.families[i])}: evaluated`, 0, o.families[i]);
    return holdoutOutcome(o.families[i], fit, tunedOn, plans.get(o.families[i])?.budgetSeconds ?? 0, assessment);
  });
  lap('candidates');

  const valFrame = selectRows(frame, rows.evaluate);
  const finished = finishRun(outcomes, { matrixOf: (c) => transform(c.preprocessor, valFrame), y: yVal }, o.seed, meter);
  lap('importance');
  const artifact = await snapshotArtifact(store, config, o, { set, split, data, outcomes, finished });
  const tuned =
    o.calibrate === 'none' ? 'Hyper-parameters and thresholds were' : 'Hyper-parameters, calibration and thresholds were';
  const trustNotes = [
    o.refit
      ? `${tuned} tuned on the ${tunedOn}, never on the out-of-time cutoff; each model was then refitted on every training cutoff (its threshold carried over from the model fitted on the inner split).`
      : `${tuned} tuned on the ${tunedOn}, never on the out-of-time cutoff. Each served model is the one fitted on the inner-fit cutoffs, so its threshold was tuned on its own predictions and its out-of-time figures are those of the very model that scores customers; the latest training cutoff informs the search and the threshold, not the weights (train with refit to fit on every training cutoff).`,
  ];
  const published = await publish(store, config, { artifact, outcomes, importance: finished.importance, timings, trustNotes }, o);
  lap('publish');
  o.onProgress({ stage: 'save', step: `saved ${artifact.modelId}`, done: 1, total: 1 });
  return {
    artifact,
    outcomes,
    selected: finished.selected.family,
    importance: finished.importance,
    version: published.version,
    files: published.files,
    trainingSetReused: obtained.reused,
    timings,
    cpuSeconds,
  };
}
