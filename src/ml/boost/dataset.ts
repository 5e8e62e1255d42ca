/** The training matrix as the grower reads it: one byte per (row, histogram column), row-major, plus the bin edges. */

import type { Matrix } from '../matrix.js';
import { permutation, rng } from '../random.js';
import { type BinEdges, binColumn, fitColumnEdges } from './binning.js';
import { type GroupLayout, groupBinOf, planGroups } from './bundling.js';

/** Rows used to find quantile edges; more only sharpens edges that 200k rows already place well (scikit-learn's choice). */
const EDGE_SAMPLE = 200_000;

/** Binned training rows. Row-major so that building a histogram reads each row's bytes together. */
export interface BinnedDataset {
  nRows: number;
  /** Histogram columns per row (features after bundling). */
  nGroups: number;
  /** nRows × nGroups group bins. Shared memory so a worker thread can read it without a copy. */
  bins: Uint8Array;
  layout: GroupLayout;
  /** Per feature: upper edges of its value bins in raw units (split bin → threshold). */
  edges: BinEdges[];
}

/** Bins the rows of X (all of them, or those in `rows`) and packs them row-major by histogram column. */
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
    binColumn(edges[f], rows === undefined ? c : gather(c, rows), out);
    return out;
  });
  const layout = planGroups(
    featureBins,
    Int32Array.from(edges, (e) => e.length),
    bundle,
  );
  const nGroups = layout.nGroups;
  const bins = new Uint8Array(new SharedArrayBuffer(Math.max(1, nRows * nGroups)));
  for (let f = 0; f < featureBins.length; f++) {
    const col = featureBins[f];
    const g = layout.groupOf[f];
    if (layout.offset[f] < 0) {
      for (let i = 0, p = g; i < nRows; i++, p += nGroups) bins[p] = col[i];
    } else {
      const code = Uint8Array.from({ length: 256 }, (_, b) => groupBinOf(layout, f, b));
      const def = layout.defaultBin[f];
      for (let i = 0, p = g; i < nRows; i++, p += nGroups) if (col[i] !== def) bins[p] = code[col[i]];
    }
  }
  return { nRows, nGroups, bins, layout, edges };
}

function gather(c: Float64Array | Float32Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = c[rows[k]];
  return out;
}
