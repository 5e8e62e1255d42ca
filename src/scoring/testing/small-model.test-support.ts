/**
 * Real small models for the scoring tests: a generated business in an in-memory store, the real point-in-time training
 * set and preprocessing of src/features, a real src/ml estimator, sealed into a valid artifact by src/registry.
 */
import { generateBusiness, storeSink } from '../../data/generate/index.js';
import {
  buildTrainingSet,
  deriveFeatures,
  type FeatureFrame,
  fitPreprocessor,
  modelFeatures,
  type PreprocessMode,
  selectRows,
  type TrainingSet,
  transform,
} from '../../features/index.js';
import {
  type ClassifierModel,
  f1OptimalThreshold,
  fitGradientBoosting,
  fitHistBoosting,
  fitIsotonic,
  fitLogistic,
  fitPlatt,
  fitRandomForest,
  type Matrix,
  predictProba,
  takeRows,
} from '../../ml/index.js';
import { createArtifact, type Family, type Metrics, type ModelArtifact, RISK_LABELS } from '../../registry/index.js';
import { openStore, type Store } from '../../store/index.js';
import { snapshotFeatureSchema } from '../../training/index.js';

/** A generated business in a migrated in-memory SQLite store, with its training set. */
export interface SmallBusiness {
  store: Store;
  set: TrainingSet;
}

/** Generates `customers` customers over `months` months (seeded) into a fresh in-memory store and builds the training set. */
export async function smallBusiness(customers = 800, months = 8, seed = 7): Promise<SmallBusiness> {
  const store = await openStore(':memory:');
  await generateBusiness({ customers, months, seed }, storeSink(store));
  const set = await buildTrainingSet(store, { horizonDays: 30 });
  return { store, set };
}

const modes: Record<Exclude<Family, 'cart'>, PreprocessMode> = {
  logistic: 'linear',
  random_forest: 'tree',
  gradient_boosting: 'tree',
  hist_boosting: 'tree',
};

function fitFamily(family: Exclude<Family, 'cart'>, X: Matrix, y: Uint8Array): ClassifierModel {
  switch (family) {
    case 'logistic':
      return fitLogistic(X, y, { C: 0.5, classWeight: 'balanced' });
    case 'random_forest':
      return fitRandomForest(X, y, { nEstimators: 20, maxDepth: 6, seed: 3, nThreads: 1 });
    case 'gradient_boosting':
      return fitGradientBoosting(X, y, { nEstimators: 30, maxDepth: 3, learningRate: 0.1, seed: 3 });
    case 'hist_boosting':
      return fitHistBoosting(X, y, { nEstimators: 30, maxDepth: 4, learningRate: 0.1, seed: 3, nThreads: 1 });
  }
}

const noMetrics = (threshold: number): Metrics => ({
  rocAuc: null,
  prAuc: null,
  precision: null,
  recall: null,
  f1: null,
  accuracy: null,
  brier: null,
  logLoss: null,
  topDecileLift: null,
  topDecileCapture: null,
  threshold,
  confusion: { tp: 0, fp: 0, tn: 0, fn: 0 },
});

/** What a test gets: the artifact, and the validation rows (raw snapshot frame) with the in-memory model's probabilities. */
export interface SmallModel {
  artifact: ModelArtifact;
  validation: FeatureFrame;
  /** predictProba of the fitted model on the validation rows, before any artifact round trip. */
  validationProbability: Float64Array;
}

/** Trains one family on the training cutoffs and seals it as a snapshot-model artifact (threshold F1-optimal on validation). */
export function trainSmallModel(
  set: TrainingSet,
  family: Exclude<Family, 'cart'>,
  options: { threshold?: number; cuts?: number[]; calibration?: 'platt' | 'isotonic' } = {},
): SmallModel {
  const trainIdx: number[] = [];
  const validIdx: number[] = [];
  for (let i = 0; i < set.isValidation.length; i++) (set.isValidation[i] ? validIdx : trainIdx).push(i);
  const derived = deriveFeatures(set.frame);
  const inputs = modelFeatures().map((f) => ({ name: f.name, type: f.type }));
  const pre = fitPreprocessor(selectRows(derived, trainIdx), inputs, { mode: modes[family] });
  const X = transform(pre, derived);
  const y = (idx: number[]) => Uint8Array.from(idx, (i) => set.label[i]);
  const model = fitFamily(family, takeRows(X, trainIdx), y(trainIdx));
  const validationProbability = predictProba(model, takeRows(X, validIdx));
  const threshold = options.threshold ?? f1OptimalThreshold(y(validIdx), validationProbability).threshold;
  const cutoffs = set.cutoffs.filter((c) => c.role !== 'purged');
  const name = `${family} (test)`;
  const artifact = createArtifact({
    codeVersion: '0.0.0-test',
    source: 'snapshots',
    training: {
      dataFingerprint: '0'.repeat(64),
      seed: 3,
      horizonDays: set.horizonDays,
      dataWindow: { from: '2025-01-01', to: set.newestDate },
      cutoffs: {
        train: cutoffs.filter((c) => c.role === 'train').map((c) => c.cutoff),
        validation: cutoffs.filter((c) => c.role === 'validation').map((c) => c.cutoff),
      },
      folds: null,
      rows: { train: trainIdx.length, validation: validIdx.length },
      positives: { train: y(trainIdx).reduce((a, b) => a + b, 0), validation: y(validIdx).reduce((a, b) => a + b, 0) },
      target: { column: 'churned', positive: '1' },
    },
    features: snapshotFeatureSchema(pre),
    preprocessing: pre,
    estimator: { family, params: {}, state: model },
    calibration:
      options.calibration === undefined
        ? null
        : {
            method: options.calibration,
            state: (options.calibration === 'platt' ? fitPlatt : fitIsotonic)(validationProbability, y(validIdx)),
          },
    threshold: { value: threshold, rule: 'f1', details: {} },
    riskBuckets: { cuts: options.cuts ?? [0.25, 0.5, 0.75], labels: [...RISK_LABELS] },
    selection: { rule: 'test', metric: 'prAuc', chosen: name, reason: 'only candidate' },
    candidates: [{ name, family, params: {}, selected: true, metrics: noMetrics(threshold) }],
    importance: { method: 'none', values: [] },
    baseline: null,
    curves: {
      roc: { x: [0, 1], y: [0, 1] },
      pr: { x: [0, 1], y: [1, 0] },
      calibration: { predicted: [], observed: [], count: [] },
      threshold: { threshold: [], precision: [], recall: [], f1: [] },
    },
  });
  return { artifact, validation: selectRows(set.frame, validIdx), validationProbability };
}
