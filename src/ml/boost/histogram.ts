/**
 * Gradient/hessian histograms: per (feature, bin) the sums of g and h over a node's rows.
 * Layout of a node histogram: slot (f, b) at index (f * 256 + b) * 2 holds Σg, the next index Σh.
 * The fast builder reads the row-major group bins; the naive one bins raw values itself and is its test oracle.
 */

import type { Matrix } from '../matrix.js';
import { type BinEdges, binOf, MISSING_BIN } from './binning.js';
import type { GroupLayout } from './bundling.js';
import type { RowStore } from './row-store.js';

/** Doubles per feature in a histogram: 256 bins × (Σg, Σh). */
export const FEATURE_STRIDE = 512;

/** A fresh zeroed histogram for `nColumns` features or groups. */
export const newHistogram = (nColumns: number) => new Float64Array(nColumns * FEATURE_STRIDE);

/**
 * Adds records [start, end) of one buffer of the row store into a group histogram (not cleared first). The hot loop of training:
 * one sequential pass over each record's group bytes; encoded groups (j >= nDense) skip group bin 0, their default
 * bin, recovered later from node totals. The worker thread runs a copy of this loop (worker-source.ts); keep the
 * two identical.
 */
export function accumulateGroupHistogram(
  store: RowStore,
  buffer: number,
  nDense: number,
  start: number,
  end: number,
  out: Float64Array,
): void {
  const floats = store.floats[buffer];
  const bytes = store.bytes[buffer];
  const { stride, nGroups } = store;
  for (let k = start; k < end; k++) {
    const w = k * stride;
    const g = floats[w + 1];
    const h = floats[w + 2];
    const p = w * 4 + 20;
    for (let j = 0; j < nDense; j++) {
      const s = (j << 9) + (bytes[p + j] << 1);
      out[s] += g;
      out[s + 1] += h;
    }
    for (let j = nDense; j < nGroups; j++) {
      const b = bytes[p + j];
      if (b !== 0) {
        const s = (j << 9) + (b << 1);
        out[s] += g;
        out[s + 1] += h;
      }
    }
  }
}

/**
 * Turns a group histogram into a feature histogram. A dense feature's slots are copied; an encoded feature's
 * non-default bins (and missing bin) are read from its range of the group, its default bin is the node total
 * minus the rest.
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
    if (off < 0) {
      out.set(groupHist.subarray(src, src + FEATURE_STRIDE), dst);
      continue;
    }
    out.fill(0, dst, dst + FEATURE_STRIDE);
    const def = layout.defaultBin[f];
    let restG = groupHist[src + 2 * MISSING_BIN];
    let restH = groupHist[src + 2 * MISSING_BIN + 1];
    out[dst + 2 * MISSING_BIN] = restG;
    out[dst + 2 * MISSING_BIN + 1] = restH;
    for (let b = 0, k = off; b < layout.nBins[f]; b++) {
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

/** The sibling's histogram by subtraction: parent − built child (histogram subtraction trick). */
export function subtractHistogram(parent: Float64Array, child: Float64Array, out: Float64Array): void {
  for (let i = 0; i < parent.length; i++) out[i] = parent[i] - child[i];
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
