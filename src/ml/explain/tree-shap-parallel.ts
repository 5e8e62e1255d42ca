/** TreeSHAP on both cores: rows handed out in blocks through a shared counter; both threads write one shared output. */

import type { MessagePort } from 'node:worker_threads';
import type { Column, Matrix } from '../matrix.js';
import { forkJoin } from '../parallel/helpers.js';
import { sharedColumn, treeJobThreads } from '../tree/tree-predict.js';
import {
  BLOCK,
  explainRows,
  type PreparedEnsemble,
  prepareEnsemble,
  type TreeEnsemble,
  type TreeShapExplanation,
  tableBudgetFor,
} from './tree-shap-ensemble.js';

/** Below this many rows × tree nodes the work stays on one thread (a helper costs ~50–300 ms to start). */
const MIN_PARALLEL_WORK = 30_000_000;

interface ShapJob {
  model: TreeEnsemble;
  columns: Column[];
  nRows: number;
  out: Float64Array;
  counter: Int32Array;
  /** The caller's table budget: the helper builds the same tables, so a row's values do not depend on its thread. */
  tableBudget: number;
}

/** Helper-thread side: explains blocks of rows until none are left. */
export function runShapHelper(job: ShapJob, _port: MessagePort): void {
  const prepared = prepareEnsemble(job.model, 'auto', job.tableBudget);
  explainRows(prepared, job.columns, 0, job.nRows, job.out, { counter: job.counter, size: BLOCK });
}

/** A reusable TreeSHAP of one model: `explain(X, nThreads)` as treeShapEnsemble, preparation paid once. */
export interface TreeShapExplainer {
  readonly baseValue: number;
  explain(X: Matrix, nThreads?: number): TreeShapExplanation;
}

/** Pattern-table numbers a reusable explainer keeps (8 bytes each: 16 MiB); trees beyond it use the walk. */
const EXPLAINER_TABLE_BUDGET = 1 << 21;

/**
 * An explainer for a model that explains many small batches (a server answering one customer at a time): its depth,
 * base value and pattern tables are built on the first call and kept, so a single row costs one pass over each
 * tree's splits instead of a walk with path arithmetic, and no per-call set-up.
 */
export function treeShapExplainer(model: TreeEnsemble): TreeShapExplainer {
  let prepared: PreparedEnsemble | null = null;
  const ready = () => {
    prepared ??= prepareEnsemble(model, 'auto', EXPLAINER_TABLE_BUDGET);
    return prepared;
  };
  return {
    get baseValue() {
      return ready().baseValue;
    },
    explain: (X, nThreads = 0) => explainPrepared(ready(), X, nThreads),
  };
}

/**
 * TreeSHAP values of every row of X on `nThreads` threads (0 = two when the job is large). Every row is computed by
 * exactly the same code whichever thread takes it, so the values are identical for every thread count.
 */
export function treeShapEnsemble(model: TreeEnsemble, X: Matrix, nThreads = 0): TreeShapExplanation {
  return explainPrepared(prepareEnsemble(model, 'auto', tableBudgetFor(X.nRows)), X, nThreads);
}

function explainPrepared(prepared: PreparedEnsemble, X: Matrix, nThreads: number): TreeShapExplanation {
  const { model } = prepared;
  const threads = treeJobThreads(model.trees, nThreads, X.nRows * prepared.totalNodes, MIN_PARALLEL_WORK);
  const p = model.nFeatures;
  const base = { unit: model.unit, baseValue: prepared.baseValue, nRows: X.nRows, nFeatures: p };
  if (threads === 1) {
    const values = new Float64Array(X.nRows * p);
    explainRows(prepared, X.columns, 0, X.nRows, values);
    return { ...base, values };
  }
  const job: ShapJob = {
    model,
    columns: X.columns.map(sharedColumn),
    nRows: X.nRows,
    out: new Float64Array(new SharedArrayBuffer(X.nRows * p * 8)),
    counter: new Int32Array(new SharedArrayBuffer(4)),
    tableBudget: prepared.tableBudget,
  };
  forkJoin('tree-shap', job, threads - 1, () =>
    explainRows(prepared, job.columns, 0, job.nRows, job.out, { counter: job.counter, size: BLOCK }),
  );
  return { ...base, values: new Float64Array(job.out) };
}
