/** TreeSHAP over an ensemble: per-tree values scaled and summed (a forest's mean, a booster's sum of margins), row by row. */

import type { Matrix } from '../matrix.js';
import type { AnyFlatTree } from '../tree/flat-tree.js';
import { treeDepth } from '../tree/flat-tree.js';
import { expectedValue, TreeShapWorkspace } from './tree-shap.js';
import { QuadratureTreeShap } from './tree-shap-quadrature.js';
import { buildPatternTree, PatternShap, type PatternTree } from './tree-shap-table.js';

/**
 * Three exact implementations of the same values. 'auto' (default): for batches of 128 rows or more, per-leaf pattern
 * tables for every tree whose tables fit the budget, the quadrature walk for the others and for small batches; 'quadrature': the walk for all; 'path': Algorithm 2 as
 * published (the reference).
 */
export type TreeShapAlgorithm = 'auto' | 'quadrature' | 'path';

/** Numbers the pattern tables of one ensemble may hold (8 bytes each): 16 Mi = 128 MiB. */
const TABLE_BUDGET = 1 << 24;
/** Fewest rows for which 'auto' builds pattern tables (single-row explanations use the walk). */
const MIN_TABLE_ROWS = 128;
/** Numbers the tables of one tree may hold: 512 Ki = 4 MiB (a full depth-8 tree needs 2^8·2^8·8 = 512 Ki). */
const TREE_TABLE_BUDGET = 1 << 19;

/**
 * An additive tree model as TreeSHAP sees it: output = offset + scale · Σ_t tree_t(x).
 * A forest has scale 1/T on the probability scale; a booster has scale 1 and its initial margin as offset (log-odds).
 */
export interface TreeEnsemble {
  trees: readonly AnyFlatTree[];
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

/** Rows explained together (tree-major within a block); also the largest block a thread may be handed. */
export const BLOCK = 64;

/** offset + scale · Σ_t E[tree_t]: the base value every explanation starts from. */
export function ensembleBaseValue(model: TreeEnsemble): number {
  let base = 0;
  for (const t of model.trees) base += expectedValue(t);
  return model.offset + model.scale * base;
}

/** Deepest tree of the ensemble (sizes the TreeSHAP workspace). */
export function ensembleDepth(trees: readonly AnyFlatTree[]): number {
  let d = 0;
  for (const t of trees) d = Math.max(d, treeDepth(t));
  return d;
}

/**
 * An ensemble made ready to explain: its depth, base value and the pattern tables of every tree whose tables fit the
 * budget (none for 'path', 'quadrature', or 'auto' when `tables` is off) — computed once, reused by every call.
 */
export interface PreparedEnsemble {
  model: TreeEnsemble;
  algorithm: TreeShapAlgorithm;
  /** The budget the tables were built under (0: none). */
  tableBudget: number;
  baseValue: number;
  depth: number;
  maxNodes: number;
  /** Nodes of every tree together (sizes the work when deciding on a second thread). */
  totalNodes: number;
  tables: readonly (PatternTree | undefined)[];
}

/** Prepares `model` for explaining, with pattern tables of at most `tableBudget` numbers in all ('auto' only). */
export function prepareEnsemble(model: TreeEnsemble, algorithm: TreeShapAlgorithm, tableBudget: number): PreparedEnsemble {
  let budget = algorithm === 'auto' ? tableBudget : 0;
  let maxNodes = 1;
  let totalNodes = 0;
  const built: (PatternTree | undefined)[] = [];
  for (const t of model.trees) {
    const pt = budget > 0 ? buildPatternTree(t, model.scale, Math.min(budget, TREE_TABLE_BUDGET)) : undefined;
    if (pt) budget -= pt.table.length;
    built.push(pt);
    maxNodes = Math.max(maxNodes, t.feature.length);
    totalNodes += t.feature.length;
  }
  const depth = ensembleDepth(model.trees);
  return { model, algorithm, tableBudget, baseValue: ensembleBaseValue(model), depth, maxNodes, totalNodes, tables: built };
}

/**
 * The table budget of a one-off call on `rows` rows: building a tree's tables costs about as much as explaining ~40
 * rows with the walk, so only batches pay for them (a reused explainer builds them once for all its calls).
 */
export const tableBudgetFor = (rows: number): number => (rows >= MIN_TABLE_ROWS ? TABLE_BUDGET : 0);

/**
 * Writes the SHAP values of rows [from, to) of `columns` into out[row·nFeatures + f] (which must start at zero).
 * `nextBlock`, when given, hands out blocks of rows to several threads instead (block k = rows [k·size, (k+1)·size),
 * size ≤ BLOCK). The value of a row does not depend on how rows are blocked.
 */
export function explainRows(
  prepared: PreparedEnsemble,
  columns: readonly ArrayLike<number>[],
  from: number,
  to: number,
  out: Float64Array,
  nextBlock?: { counter: Int32Array; size: number },
): void {
  const { model, tables, depth } = prepared;
  const p = model.nFeatures;
  const walker = prepared.algorithm === 'path' ? new TreeShapWorkspace(depth) : new QuadratureTreeShap(depth);
  const patterns = new PatternShap(prepared.maxNodes);
  const xs = new Float64Array(Math.min(BLOCK, Math.max(1, to - from)) * p);
  // Tree-major inside a block of rows: one tree stays in cache while it explains every row of the block.
  const run = (a: number, b: number) => {
    for (let i = a; i < b; i++) for (let f = 0; f < p; f++) xs[(i - a) * p + f] = columns[f][i];
    model.trees.forEach((t, k) => {
      const pt = tables[k];
      if (pt) for (let i = a; i < b; i++) patterns.explain(pt, xs, (i - a) * p, out, i * p);
      else for (let i = a; i < b; i++) walker.explain(t, xs, (i - a) * p, out, i * p, model.scale);
    });
  };
  const size = nextBlock ? nextBlock.size : BLOCK;
  if (nextBlock)
    for (let k = Atomics.add(nextBlock.counter, 0, 1); from + k * size < to; k = Atomics.add(nextBlock.counter, 0, 1))
      run(from + k * size, Math.min(to, from + (k + 1) * size));
  else for (let a = from; a < to; a += size) run(a, Math.min(to, a + size));
}

/** Serial TreeSHAP of every row of X. */
export function explainEnsemble(
  model: TreeEnsemble,
  X: Matrix,
  algorithm: TreeShapAlgorithm = 'quadrature',
): TreeShapExplanation {
  const prepared = prepareEnsemble(model, algorithm, tableBudgetFor(X.nRows));
  const values = new Float64Array(X.nRows * model.nFeatures);
  explainRows(prepared, X.columns, 0, X.nRows, values);
  return { unit: model.unit, baseValue: prepared.baseValue, nRows: X.nRows, nFeatures: model.nFeatures, values };
}
