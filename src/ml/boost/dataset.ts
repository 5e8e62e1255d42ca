/** The training matrix as the grower reads it: one byte per (row, histogram column), row-major, plus the bin edges. */

import type { Matrix } from '../matrix.js';
import { permutation, rng } from '../random.js';
import { type BinEdges, binColumn, fitColumnEdges } from './binning.js';
import { type GroupLayout, groupBinOf, planGroups } from './bundling.js';
import { BINS_AT, newRowStore, type RowStore } from './row-store.js';

/** Rows used to find quantile edges; more only sharpens edges that 200k rows already place well (scikit-learn's choice). */
const EDGE_SAMPLE = 200_000;

/** Binned training rows: records of group bins (see row-store.ts), the group layout and the raw bin edges. */
export interface BinnedDataset {
  nRows: number;
  /** Histogram columns per row (features after bundling). */
  nGroups: number;
  store: RowStore;
  layout: GroupLayout;
  /** Per feature: upper edges of its value bins in raw units (split bin → threshold). */
  edges: BinEdges[];
}

/** Bins the rows of X (all of them, or those in `rows`) and packs them into row records by histogram column. */
export function binDataset(X: Matrix, maxBins: number, bundle: boolean, seed: number, rows?: Int32Array): BinnedDataset {
  const nRows = rows === undefined ? X.nRows : rows.length;
  const sample =
    nRows > EDGE_SAMPLE
      ? permutation(rng(seed ^ 0x5bd1e995), nRows)
          .subarray(0, EDGE_SAMPLE)
          .sort()
      : undefined;
  const sampleRows = sample !== undefined && rows !== undefined ? sample.map((k) => rows[k]) : (sample ?? rows);
  const edges = X.columns.map((c) => fitColumnEdges(c, maxBins, sampleRows));
  const featureBins = X.columns.map((c, f) => {
    const out = new Uint8Array(nRows);
    binColumn(edges[f], c, out, rows);
    return out;
  });
  const layout = planGroups(
    featureBins,
    Int32Array.from(edges, (e) => e.length),
    bundle,
  );
  const nGroups = layout.nGroups;
  const store = newRowStore(nRows, nGroups);
  const [bytes] = store.bytes;
  const { stride } = store;
  for (let f = 0; f < featureBins.length; f++) {
    const col = featureBins[f];
    const step = stride * 4;
    const at = BINS_AT + layout.groupOf[f];
    if (layout.offset[f] < 0) {
      for (let i = 0, p = at; i < nRows; i++, p += step) bytes[p] = col[i];
    } else {
      const code = Uint8Array.from({ length: 256 }, (_, b) => groupBinOf(layout, f, b));
      const def = layout.defaultBin[f];
      for (let i = 0, p = at; i < nRows; i++, p += step) if (col[i] !== def) bytes[p] = code[col[i]];
    }
  }
  return { nRows, nGroups, store, layout, edges };
}

/**
 * A matrix binned once for several fits on it (a hyper-parameter search): binning costs ~0.1 s a fit at 24k rows × 60
 * columns. Each fit trains on its own copy of the records, since training reorders and overwrites them.
 */
export interface BinnedMatrix {
  readonly X: Matrix;
  readonly maxBins: number;
  readonly bundle: boolean;
  /** The seed of the edge sample (only rows beyond EDGE_SAMPLE are sampled). */
  readonly seed: number;
  readonly data: BinnedDataset;
}

/** Bins every row of X as fitHistBoosting would with these settings. */
export function binMatrix(X: Matrix, maxBins: number, bundle: boolean, seed: number): BinnedMatrix {
  return { X, maxBins, bundle, seed, data: binDataset(X, maxBins, bundle, seed) };
}

/** Whether `bins` is what binDataset(X, maxBins, bundle, seed) over all rows would give. */
export function binnedFor(bins: BinnedMatrix, X: Matrix, maxBins: number, bundle: boolean, seed: number): boolean {
  return bins.X === X && bins.maxBins === maxBins && bins.bundle === bundle && (X.nRows <= EDGE_SAMPLE || bins.seed === seed);
}

/** A fresh copy of a binned dataset's records (the layout and edges are never written, so they are shared). */
export function copyBinned(data: BinnedDataset): BinnedDataset {
  const store = newRowStore(data.nRows, data.nGroups);
  store.words[0].set(data.store.words[0]);
  return { ...data, store };
}
