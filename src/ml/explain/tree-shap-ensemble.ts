/** TreeSHAP over an ensemble: per-tree values scaled and summed (a forest's mean, a booster's sum of margins), row by row. */

import type { Matrix } from '../matrix.js';
import type { FlatTree } from '../tree/flat-tree.js';
import { treeDepth } from '../tree/flat-tree.js';
import { expectedValue, TreeShapWorkspace } from './tree-shap.js';

/**
 * An additive tree model as TreeSHAP sees it: output = offset + scale · Σ_t tree_t(x).
 * A forest has scale 1/T on the probability scale; a booster has scale 1 and its initial margin as offset (log-odds).
 */
export interface TreeEnsemble {
  trees: readonly FlatTree[];
  scale: number;
  offset: number;
  nFeatures: number;
  unit: 'probability' | 'log-odds';
}

/** Per-row feature contributions on the model's own output scale; baseValue + Σⱼ values[i·nFeatures + j] = output(row i). */
export interface TreeShapExplanation {
  /** 'probability' for CART and forests, 'log-odds' (margin) for boosting. */
  unit: 'probability' | 'log-odds';
  /** The expected output with no feature known: offset + scale · Σ_t cover-weighted mean leaf value of tree t. */
  baseValue: number;
  nRows: number;
  nFeatures: number;
  /** nRows × nFeatures, row-major. */
  values: Float64Array;
}

/** offset + scale · Σ_t E[tree_t]: the base value every explanation starts from. */
export function ensembleBaseValue(model: TreeEnsemble): number {
  let base = 0;
  for (const t of model.trees) base += expectedValue(t);
  return model.offset + model.scale * base;
}

/** Deepest tree of the ensemble (sizes the TreeSHAP workspace). */
export function ensembleDepth(trees: readonly FlatTree[]): number {
  let d = 0;
  for (const t of trees) d = Math.max(d, treeDepth(t));
  return d;
}

/**
 * Writes the SHAP values of rows [from, to) of `columns` into out[row·nFeatures + f] (which must start at zero).
 * `nextBlock`, when given, hands out blocks of rows to several threads instead (block k = rows [k·size, (k+1)·size)).
 */
export function explainRows(
  model: TreeEnsemble,
  columns: readonly ArrayLike<number>[],
  from: number,
  to: number,
  out: Float64Array,
  nextBlock?: { counter: Int32Array; size: number },
): void {
  const p = model.nFeatures;
  const ws = new TreeShapWorkspace(ensembleDepth(model.trees));
  const x = new Float64Array(p);
  const run = (a: number, b: number) => {
    for (let i = a; i < b; i++) {
      for (let f = 0; f < p; f++) x[f] = columns[f][i];
      for (const t of model.trees) ws.explain(t, x, out, i * p, model.scale);
    }
  };
  if (!nextBlock) {
    run(from, to);
    return;
  }
  for (let k = Atomics.add(nextBlock.counter, 0, 1); k * nextBlock.size < to; k = Atomics.add(nextBlock.counter, 0, 1))
    run(from + k * nextBlock.size, Math.min(to, from + (k + 1) * nextBlock.size));
}

/** Serial TreeSHAP of every row of X. */
export function explainEnsemble(model: TreeEnsemble, X: Matrix): TreeShapExplanation {
  const values = new Float64Array(X.nRows * model.nFeatures);
  explainRows(model, X.columns, 0, X.nRows, values);
  return { unit: model.unit, baseValue: ensembleBaseValue(model), nRows: X.nRows, nFeatures: model.nFeatures, values };
}
