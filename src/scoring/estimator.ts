/** The artifact's estimator as scoring uses it: probability, margin and exact SHAP values, one switch over model kinds. */
import { ChurnError } from '../errors/index.js';
import {
  type ClassifierModel,
  linearShap,
  type Matrix,
  predictMargin,
  predictProba,
  treeEnsembleOf,
  treeShapExplainer,
} from '../ml/index.js';
import type { ModelArtifact } from '../registry/index.js';

/** The scale margins and SHAP values are on: log-odds (logistic, boosting) or probability (forest, single tree). */
export type MarginUnit = 'log-odds' | 'probability';

/** Per-row contributions of the encoded columns; baseValue + Σ_j values[i·nFeatures + j] = margin of row i. */
export interface EncodedShap {
  unit: MarginUnit;
  baseValue: number;
  nFeatures: number;
  values: Float64Array;
}

/** What scoring needs from an estimator, whatever its family. */
export interface Estimator {
  kind: string;
  nFeatures: number;
  /** Scale of `margin` and `shap` (the unit every explanation names). */
  unit: MarginUnit;
  /** P(churn) before calibration, exactly as training's predictProba computed it. */
  probability(X: Matrix): Float64Array;
  /** The model's own output scale: log-odds, or the probability for forests and single trees. */
  margin(X: Matrix): Float64Array;
  /** Exact SHAP values on the margin scale: linear SHAP or path-dependent TreeSHAP. */
  shap(X: Matrix): EncodedShap;
}

const kinds: readonly ClassifierModel['kind'][] = [
  'logistic',
  'decision-tree',
  'random-forest',
  'gradient-boosting',
  'hist_boosting',
];

/** The estimator of an artifact; CHURN_ERR_ARTIFACT when its state is not a model this build can run. */
export function estimatorOf(artifact: ModelArtifact): Estimator {
  const model = artifact.estimator.state as ClassifierModel;
  const width = artifact.features.modelInputs.length;
  if (typeof model !== 'object' || model === null || !(kinds as readonly string[]).includes(model.kind))
    throw bad(artifact, `estimator.state has no known model kind (got ${JSON.stringify((model as { kind?: unknown })?.kind)})`);
  if (model.nFeatures !== width)
    throw bad(artifact, `estimator.state expects ${model.nFeatures} input columns, features.modelInputs lists ${width}`);
  const unit: MarginUnit = model.kind === 'random-forest' || model.kind === 'decision-tree' ? 'probability' : 'log-odds';
  return {
    kind: model.kind,
    nFeatures: width,
    unit,
    probability: (X) => predictProba(model, X),
    margin: (X) => predictMargin(model, X),
    shap: shapOf(model),
  };
}

/**
 * Linear SHAP for logistic regression; path-dependent TreeSHAP for trees (a booster as an additive ensemble on
 * log-odds), prepared once per loaded model: a server explains one customer at a time.
 */
function shapOf(model: ClassifierModel): (X: Matrix) => EncodedShap {
  if (model.kind === 'logistic') return (X) => linearShap(model, X);
  const explainer = treeShapExplainer(treeEnsembleOf(model));
  return (X) => explainer.explain(X);
}

const bad = (artifact: ModelArtifact, message: string) =>
  new ChurnError('CHURN_ERR_ARTIFACT', `Model ${artifact.modelId}: ${message}`, { modelId: artifact.modelId });
