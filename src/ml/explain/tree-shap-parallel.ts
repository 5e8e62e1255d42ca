/** TreeSHAP on both cores: rows handed out in blocks through a shared counter; both threads write one shared output. */

import type { MessagePort } from 'node:worker_threads';
import type { Column, Matrix } from '../matrix.js';
import { forkJoin, threadCount } from '../parallel/helpers.js';
import { sharedColumn, treesShareable } from '../tree/tree-predict.js';
import { BLOCK, ensembleBaseValue, explainRows, type TreeEnsemble, type TreeShapExplanation } from './tree-shap-ensemble.js';

/** Below this many rows × tree nodes the work stays on one thread (a helper costs ~50–300 ms to start). */
const MIN_PARALLEL_WORK = 30_000_000;

interface ShapJob {
  model: TreeEnsemble;
  columns: Column[];
  nRows: number;
  out: Float64Array;
  counter: Int32Array;
}

/** Helper-thread side: explains blocks of rows until none are left. */
export function runShapHelper(job: ShapJob, _port: MessagePort): void {
  explainRows(job.model, job.columns, 0, job.nRows, job.out, { counter: job.counter, size: BLOCK });
}

/**
 * TreeSHAP values of every row of X on `nThreads` threads (0 = two when the job is large). Every row is computed by
 * exactly the same code whichever thread takes it, so the values are identical for every thread count.
 */
export function treeShapEnsemble(model: TreeEnsemble, X: Matrix, nThreads = 0): TreeShapExplanation {
  let nodes = 0;
  for (const t of model.trees) nodes += t.feature.length;
  const threads = treesShareable(model.trees) ? threadCount(nThreads, X.nRows * nodes, MIN_PARALLEL_WORK) : 1;
  const p = model.nFeatures;
  const base = { unit: model.unit, baseValue: ensembleBaseValue(model), nRows: X.nRows, nFeatures: p };
  if (threads === 1) {
    const values = new Float64Array(X.nRows * p);
    explainRows(model, X.columns, 0, X.nRows, values);
    return { ...base, values };
  }
  const job: ShapJob = {
    model,
    columns: X.columns.map(sharedColumn),
    nRows: X.nRows,
    out: new Float64Array(new SharedArrayBuffer(X.nRows * p * 8)),
    counter: new Int32Array(new SharedArrayBuffer(4)),
  };
  forkJoin('tree-shap', job, threads - 1, () =>
    explainRows(job.model, job.columns, 0, job.nRows, job.out, { counter: job.counter, size: BLOCK }),
  );
  return { ...base, values: new Float64Array(job.out) };
}
