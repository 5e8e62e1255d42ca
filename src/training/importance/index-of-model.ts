/** Every global importance of the selected model, on business features: native, permutation and mean |SHAP|. */
import type { EncodedColumn } from '../../features/index.js';
import { type ClassifierModel, type Matrix, takeRows } from '../../ml/index.js';
import type { Importance } from '../../registry/index.js';
import { stratifiedSample } from '../split/stratified.js';
import { nativeImportance } from './native.js';
import { permutationImportance } from './permutation.js';
import { meanAbsShap } from './shap.js';

/** Validation rows permutation importance uses at most (it re-scores them twice per feature). */
export const PERMUTATION_ROWS = 5000;
/** Validation rows mean |SHAP| uses at most (TreeSHAP costs rows × leaves × depth²). */
export const SHAP_ROWS = 1000;

/** The three measures. `shap` is the one stored in the artifact's `importance` field. */
export interface GlobalImportance {
  native: Importance;
  permutation: Importance;
  shap: Importance;
}

/** Computes the three measures on (stratified, seeded samples of) the validation matrix. */
export function globalImportance(
  model: ClassifierModel,
  X: Matrix,
  y: Uint8Array,
  columns: readonly EncodedColumn[],
  seed: number,
): GlobalImportance {
  const all = Int32Array.from({ length: X.nRows }, (_, i) => i);
  const permRows = stratifiedSample(y, all, PERMUTATION_ROWS, seed);
  const shapRows = stratifiedSample(y, all, SHAP_ROWS, seed + 1);
  const permY = Uint8Array.from(permRows, (i) => y[i]);
  return {
    native: nativeImportance(model, columns),
    permutation: permutationImportance(model, takeRows(X, permRows), permY, columns, { seed }),
    shap: meanAbsShap(model, takeRows(X, shapRows), columns),
  };
}
