/** The artifact's estimator as scoring uses it: probability, margin and exact SHAP values, one switch over model kinds. */
import { ChurnError } from '../errors/index.js';
import {
  type ClassifierModel,
  type FlatTree,
  linearShap,
  type Matrix,
  predictMargin,
  predictProba,
  sumTreeValues,
  treeShap,
  treeShapEnsemble,
} from '../ml/index.js';
import type { ModelArtifact } from '../registry/index.js';

/** The scale margins and SHAP values are on: log-odds (logistic, boosting) or probability (forest, single tree). */
export type MarginUnit = 'log-odds' | 'probability';

/** The fitted histogram-boosting model as stored in artifacts (src/ml's HistBoostingModel, the fields scoring reads). */
interface HistBoostingState {
  kind: 'hist_boosting';
  nFeatures: number;
  baseMargin: number;
  trees: FlatTree[];
}

type EstimatorState = Exclude<ClassifierModel, { kind: 'hist_boosting' }> | HistBoostingState;

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

const kinds = ['logistic', 'decision-tree', 'random-forest', 'gradient-boosting', 'hist_boosting'] as const;

/** The estimator of an artifact; CHURN_ERR_ARTIFACT when its state is not a model this build can run. */
export function estimatorOf(artifact: ModelArtifact): Estimator {
  const state = artifact.estimator.state as EstimatorState;
  const width = artifact.features.modelInputs.length;
  if (typeof state !== 'object' || state === null || !(kinds as readonly string[]).includes(state.kind))
    throw bad(artifact, `estimator.state has no known model kind (got ${JSON.stringify((state as { kind?: unknown })?.kind)})`);
  if (state.nFeatures !== width)
    throw bad(artifact, `estimator.state expects ${state.nFeatures} input columns, features.modelInputs lists ${width}`);
  if (state.kind === 'hist_boosting') return histBoosting(state);
  const model = state;
  const unit: MarginUnit = model.kind === 'logistic' || model.kind === 'gradient-boosting' ? 'log-odds' : 'probability';
  return {
    kind: model.kind,
    nFeatures: width,
    unit,
    probability: (X) => predictProba(model, X),
    margin: (X) => predictMargin(model, X),
    shap: (X) => (model.kind === 'logistic' ? linearShap(model, X) : treeShap(model, X)),
  };
}

/** Histogram boosting: margin = baseMargin + Σ trees (log-odds), summed tree by tree in the predictor's order. */
function histBoosting(model: HistBoostingState): Estimator {
  const margin = (X: Matrix) => sumTreeValues(model.trees, X.columns, X.nRows, 1, model.baseMargin);
  return {
    kind: model.kind,
    nFeatures: model.nFeatures,
    unit: 'log-odds',
    margin,
    probability(X) {
      const m = margin(X);
      for (let i = 0; i < m.length; i++) m[i] = 1 / (1 + Math.exp(-m[i]));
      return m;
    },
    shap: (X) =>
      treeShapEnsemble(
        { trees: model.trees, scale: 1, offset: model.baseMargin, nFeatures: model.nFeatures, unit: 'log-odds' },
        X,
      ),
  };
}

const bad = (artifact: ModelArtifact, message: string) =>
  new ChurnError('CHURN_ERR_ARTIFACT', `Model ${artifact.modelId}: ${message}`, { modelId: artifact.modelId });
