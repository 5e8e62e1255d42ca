/** The artifact of a snapshot run: every field filled from the training set, the split, the candidates and the winner. */
import type { LoadedConfig } from '../config/index.js';
import { addDays, dataRange, type TrainingSet } from '../features/index.js';
import { createArtifact, type ModelArtifact, RISK_LABELS, resolveRiskCuts } from '../registry/index.js';
import type { Store } from '../store/index.js';
import { driftBaseline } from './baseline.js';
import type { LearningData } from './candidate.js';
import { chosenCurves } from './evaluate/curves.js';
import { snapshotFeatureSchema } from './feature-schema.js';
import { frameFingerprint } from './fingerprint.js';
import { namedImportances } from './importance/index-of-model.js';
import type { ResolvedTrainOptions } from './options.js';
import { type CandidateOutcome, candidateEntry, estimatorOf } from './outcome.js';
import type { FinishedRun } from './run-finish.js';
import type { TimeSplit } from './split/time-split.js';

const positives = (label: Uint8Array, rows: Int32Array) => rows.reduce((n, i) => n + label[i], 0);

/** Builds the snapshot model's artifact (see docs/training.md for where each field comes from). */
export async function snapshotArtifact(
  store: Store,
  config: LoadedConfig,
  o: ResolvedTrainOptions,
  run: { set: TrainingSet; split: TimeSplit; data: LearningData; outcomes: readonly CandidateOutcome[]; finished: FinishedRun },
): Promise<ModelArtifact> {
  const { set, split, data, outcomes, finished } = run;
  const chosen = finished.selected;
  const yVal = Uint8Array.from(split.validation, (i) => set.label[i]);
  const range = await dataRange(store);
  const lastLabelDay = addDays(split.validationCutoffs.at(-1) as string, set.horizonDays);
  return createArtifact({
    source: 'snapshots',
    codeVersion: o.codeVersion,
    training: {
      dataFingerprint: frameFingerprint(data, [set.isValidation]),
      seed: o.seed,
      horizonDays: set.horizonDays,
      dataWindow: { from: range.oldest ?? split.trainCutoffs[0], to: lastLabelDay },
      cutoffs: { train: split.trainCutoffs, validation: split.validationCutoffs },
      folds: null,
      rows: { train: split.train.length, validation: split.validation.length },
      positives: { train: positives(set.label, split.train), validation: positives(set.label, split.validation) },
      target: { column: 'churned', positive: '1' },
    },
    features: snapshotFeatureSchema(chosen.preprocessor),
    preprocessing: chosen.preprocessor,
    estimator: estimatorOf(chosen),
    calibration: chosen.assessment.calibration,
    threshold: chosen.assessment.threshold,
    riskBuckets: {
      cuts: resolveRiskCuts(config.scoring.riskCuts, positives(set.label, split.train) / Math.max(1, split.train.length)),
      labels: [...RISK_LABELS],
    },
    selection: finished.selection,
    candidates: outcomes.map((c) => candidateEntry(c, c === chosen)),
    importance: finished.importance.shap,
    importances: namedImportances(finished.importance, 'out-of-time validation'),
    baseline: driftBaseline(data.frame, split.train, data.features, chosen.assessment.probabilities),
    curves: chosenCurves(yVal, chosen.assessment.probabilities),
  });
}
