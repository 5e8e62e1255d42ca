/** Global importance on business features: what the artifact recorded, the model's own measure, and mean |SHAP| on scored rows. */
import type { FlatTree } from '../ml/index.js';
import type { Importance, ModelArtifact } from '../registry/index.js';
import { businessFeatureGroups } from './business-features.js';
import type { Explanations } from './explanations.js';

/** One ranked importance list and where it comes from. */
export interface ImportanceTable extends Importance {
  /** 'artifact': computed at training on validation rows; 'model': read off the estimator; 'scored rows': this run's. */
  origin: 'artifact' | 'model' | 'scored rows';
}

interface NativeState {
  kind: string;
  coefficients?: Float64Array;
  featureImportance?: Float64Array;
  trees?: FlatTree[];
}

/**
 * The estimator's own importance per encoded column, summed to business features (one-hot pieces and log1p twins
 * together): |coefficient| on standardised inputs (logistic), normalised impurity decrease (forest, classic boosting,
 * tree), share of split cover (histogram boosting, which records no gain). Null for a state without any.
 */
export function modelImportance(artifact: ModelArtifact): ImportanceTable | null {
  const state = artifact.estimator.state as NativeState;
  const p = artifact.features.modelInputs.length;
  let perColumn: Float64Array;
  let method: string;
  if (state.kind === 'logistic' && state.coefficients) {
    perColumn = Float64Array.from(state.coefficients, Math.abs);
    method = '|coefficient| (standardised inputs)';
  } else if (state.featureImportance) {
    perColumn = state.featureImportance;
    method = 'impurity decrease (normalised)';
  } else if (state.trees) {
    perColumn = splitCoverShare(state.trees, p);
    method = 'share of split cover';
  } else return null;
  const groups = businessFeatureGroups(artifact);
  const sums = new Float64Array(groups.names.length);
  for (let j = 0; j < p; j++) sums[groups.groupOf[j]] += perColumn[j];
  return ranked(method, 'model', groups.names, sums);
}

/** Mean over rows of |contribution| per business feature (contributions already summed over a feature's columns). */
export function meanAbsShap(e: Explanations, what: string): ImportanceTable {
  const k = e.features.length;
  const sums = new Float64Array(k);
  for (let i = 0; i < e.nRows; i++) for (let f = 0; f < k; f++) sums[f] += Math.abs(e.contributions[i * k + f]);
  for (let f = 0; f < k; f++) sums[f] /= Math.max(1, e.nRows);
  return ranked(`mean |SHAP| (${e.unit}) over ${e.nRows} ${what}`, 'scored rows', e.features, sums);
}

/** Every importance list available: the artifact's, the model's own, and mean |SHAP| of `explanations` when given. */
export function globalImportance(
  artifact: ModelArtifact,
  scored?: { explanations: Explanations; what: string },
): ImportanceTable[] {
  const tables: ImportanceTable[] = [];
  if (artifact.importance.values.length > 0) tables.push({ ...artifact.importance, origin: 'artifact' });
  const own = modelImportance(artifact);
  if (own) tables.push(own);
  if (scored) tables.push(meanAbsShap(scored.explanations, scored.what));
  return tables;
}

function splitCoverShare(trees: readonly FlatTree[], p: number): Float64Array {
  const out = new Float64Array(p);
  let total = 0;
  for (const t of trees)
    for (let n = 0; n < t.feature.length; n++)
      if (t.feature[n] >= 0) {
        out[t.feature[n]] += t.cover[n];
        total += t.cover[n];
      }
  if (total > 0) for (let j = 0; j < p; j++) out[j] /= total;
  return out;
}

function ranked(
  method: string,
  origin: ImportanceTable['origin'],
  names: readonly string[],
  values: Float64Array,
): ImportanceTable {
  const list = names.map((feature, f) => ({ feature, value: values[f] }));
  list.sort((a, b) => b.value - a.value || (a.feature < b.feature ? -1 : 1));
  return { method, origin, values: list };
}
