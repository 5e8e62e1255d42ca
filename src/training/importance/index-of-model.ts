/** Every global importance of the selected model, on business features: native, permutation and mean |SHAP|. */
import type { EncodedColumn } from '../../features/index.js';
import { type ClassifierModel, type Matrix, takeRows } from '../../ml/index.js';
import type { Importance, NamedImportance } from '../../registry/index.js';
import { stratifiedSample } from '../split/stratified.js';
import { nativeImportance } from './native.js';
import { permutationImportance } from './permutation.js';
import { meanAbsShap } from './shap.js';

/** Validation rows permutation importance uses at most (it re-scores them twice per feature). */
export const PERMUTATION_ROWS = 5000;
/** Validation rows mean |SHAP| uses at most (TreeSHAP costs rows × leaves × depth²). */
export const SHAP_ROWS = 1000;

/** The three measures and the rows each was measured on. `shap` is also the artifact's headline `importance`. */
export interface GlobalImportance {
  native: Importance;
  permutation: Importance;
  shap: Importance;
  /** Rows of the sampled measures (native importance reads the fitted model and needs none). */
  rows: { permutation: number; shap: number };
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
    rows: { permutation: permRows.length, shap: shapRows.length },
  };
}

/**
 * The artifact's `importances`: the three measures named, each with its sample (`from` says which rows the sample was
 * drawn from, e.g. "out-of-time validation"; tables add "in-sample" to the methods, see table-artifact.ts).
 */
export function namedImportances(g: GlobalImportance, from: string, method = (m: string) => m): NamedImportance[] {
  return [
    { name: 'mean_abs_shap', method: method(g.shap.method), sample: { rows: g.rows.shap, from }, values: g.shap.values },
    {
      name: 'permutation',
      method: method(g.permutation.method),
      sample: { rows: g.rows.permutation, from },
      values: g.permutation.values,
    },
    { name: 'native', method: g.native.method, sample: null, values: g.native.values },
  ];
}
