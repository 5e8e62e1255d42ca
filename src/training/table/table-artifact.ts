/** The artifact of a table run: the inferred schema as the feature contract, k-fold facts, out-of-fold metrics and curves. */
import path from 'node:path';
import type { LoadedConfig } from '../../config/index.js';
import { createArtifact, type ModelArtifact, RISK_LABELS, resolveRiskCuts } from '../../registry/index.js';
import { driftBaseline } from '../baseline.js';
import type { LearningData } from '../candidate.js';
import { chosenCurves } from '../evaluate/curves.js';
import { frameFingerprint } from '../fingerprint.js';
import { namedImportances } from '../importance/index-of-model.js';
import type { ResolvedTrainOptions } from '../options.js';
import { type CandidateOutcome, candidateEntry, estimatorOf } from '../outcome.js';
import type { FinishedRun } from '../run-finish.js';
import type { TableSchema } from './infer.js';
import { TABLE_RECIPE_VERSION } from './recipe.js';

/** Builds a table model's artifact. */
export function tableArtifact(
  config: LoadedConfig,
  o: ResolvedTrainOptions,
  run: {
    file: string;
    target: { column: string; positive: string };
    folds: number;
    schema: TableSchema;
    data: LearningData;
    outcomes: readonly CandidateOutcome[];
    finished: FinishedRun;
  },
): ModelArtifact {
  const { data, schema, finished } = run;
  const chosen = finished.selected;
  const n = data.label.length;
  const positives = data.label.reduce((a, b) => a + b, 0);
  const shap = finished.importance.shap;
  const inSample = (method: string) => `${method.replace('validation rows', 'table rows')}, in-sample`;
  return createArtifact({
    source: 'table',
    codeVersion: o.codeVersion,
    training: {
      dataFingerprint: frameFingerprint(data),
      seed: o.seed,
      horizonDays: null,
      dataWindow: null,
      cutoffs: null,
      folds: { k: run.folds, stratified: true, seed: o.seed },
      rows: { train: n, validation: n },
      positives: { train: positives, validation: positives },
      tableFile: path.basename(run.file),
      target: run.target,
    },
    features: {
      recipeVersion: TABLE_RECIPE_VERSION,
      inputs: schema.inputs,
      derived: [],
      modelInputs: chosen.preprocessor.columns.map((c) => ({ name: c.name, feature: c.feature })),
      idColumn: schema.idColumn,
      dropped: schema.dropped,
    },
    preprocessing: chosen.preprocessor,
    estimator: estimatorOf(chosen),
    calibration: chosen.assessment.calibration,
    threshold: chosen.assessment.threshold,
    riskBuckets: { cuts: resolveRiskCuts(config.scoring.riskCuts, positives / Math.max(1, n)), labels: [...RISK_LABELS] },
    selection: finished.selection,
    candidates: run.outcomes.map((c) => candidateEntry(c, c === chosen)),
    // The final model has no held-out rows on a table: its importance is measured in-sample, and says so.
    importance: { method: inSample(shap.method), values: shap.values },
    importances: namedImportances(finished.importance, 'table rows (in-sample)', inSample),
    baseline: driftBaseline(
      data.frame,
      Int32Array.from({ length: n }, (_, i) => i),
      data.features,
      chosen.assessment.probabilities,
    ),
    curves: chosenCurves(data.label, chosen.assessment.probabilities),
  });
}
