/**
 * Gradient/hessian histograms: per (feature, bin) the sums of g and h over a node's rows.
 * Layout of a node histogram: slot (f, b) at index (f * 256 + b) * 2 holds Σg, the next index Σh.
 * The fast builder (training-kernels.ts, WebAssembly) fills group histograms from the row records; the naive one here
 * bins raw values itself and is its test oracle.
 */

import type { Matrix } from '../matrix.js';
import { type BinEdges, binOf, MISSING_BIN } from './binning.js';
import type { GroupLayout } from './bundling.js';

/** Doubles per feature in a histogram: 256 bins × (Σg, Σh). */
export const FEATURE_STRIDE = 512;

/** A fresh zeroed histogram for `nColumns` features or groups. */
export const newHistogram = (nColumns: number) => new Float64Array(nColumns * FEATURE_STRIDE);

/**
 * Turns a group histogram into a feature histogram. A dense feature's slots are copied; an encoded feature's
 * non-default bins (and missing bin) are read from its range of the group, its default bin is the node total
 * minus the rest. Only each feature's value bins and its missing bin are written (a one-hot dummy has 2 bins of
 * 256): the other slots of a feature histogram stay zero for its whole life.
 */
export function expandHistogram(
  layout: GroupLayout,
  groupHist: Float64Array,
  sumG: number,
  sumH: number,
  out: Float64Array,
): void {
  for (let f = 0; f < layout.nFeatures; f++) {
    const dst = f * FEATURE_STRIDE;
    const src = layout.groupOf[f] * FEATURE_STRIDE;
    const off = layout.offset[f];
    const nb = layout.nBins[f];
    let restG = groupHist[src + 2 * MISSING_BIN];
    let restH = groupHist[src + 2 * MISSING_BIN + 1];
    out[dst + 2 * MISSING_BIN] = restG;
    out[dst + 2 * MISSING_BIN + 1] = restH;
    if (off < 0) {
      for (let i = 0; i < 2 * nb; i++) out[dst + i] = groupHist[src + i];
      continue;
    }
    const def = layout.defaultBin[f];
    for (let b = 0, k = off; b < nb; b++) {
      if (b === def) continue;
      const g = groupHist[src + 2 * k];
      const h = groupHist[src + 2 * k + 1];
      out[dst + 2 * b] = g;
      out[dst + 2 * b + 1] = h;
      restG += g;
      restH += h;
      k++;
    }
    out[dst + 2 * def] = sumG - restG;
    out[dst + 2 * def + 1] = sumH - restH;
  }
}

/**
 * The sibling's histogram by subtraction: parent − built child (histogram subtraction trick), over each feature's
 * nBins value bins and its missing bin (the slots expandHistogram writes).
 */
export function subtractHistogram(parent: Float64Array, child: Float64Array, out: Float64Array, nBins: Int32Array): void {
  for (let f = 0; f < nBins.length; f++) {
    const base = f * FEATURE_STRIDE;
    for (let i = base, stop = base + 2 * nBins[f]; i < stop; i++) out[i] = parent[i] - child[i];
    const m = base + 2 * MISSING_BIN;
    out[m] = parent[m] - child[m];
    out[m + 1] = parent[m + 1] - child[m + 1];
  }
}

/** Test oracle: the feature histogram of `rows`, binning each raw value on the spot, one feature at a time. */
export function naiveHistogram(
  X: Matrix,
  edges: BinEdges[],
  rows: ArrayLike<number>,
  grad: ArrayLike<number>,
  hess: ArrayLike<number>,
): Float64Array {
  const out = newHistogram(X.columns.length);
  X.columns.forEach((col, f) => {
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k];
      const b = binOf(edges[f], col[r]);
      out[(f * 256 + b) * 2] += grad[r];
      out[(f * 256 + b) * 2 + 1] += hess[r];
    }
  });
  return out;
}
