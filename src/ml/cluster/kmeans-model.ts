/** The fitted k-means model (plain serialisable value) and the nearest-centroid assignment it predicts with. */

import { checkFeatureCount, checkFinite } from '../errors.js';
import type { Column, Matrix } from '../matrix.js';
import type { KMeansParams } from './kmeans-params.js';

/** A fitted k-means model. */
export interface KMeansModel {
  kind: 'kmeans';
  k: number;
  nFeatures: number;
  /** k × nFeatures, row-major: centroid c, feature j at c·nFeatures + j. */
  centroids: Float64Array;
  /** Sum of squared distances of the training rows to their centroid. */
  inertia: number;
  /** Lloyd iterations of the winning start. */
  iterations: number;
  converged: boolean;
  params: KMeansParams;
}

/** A fit's result: the model plus each training row's cluster (drop `labels` before storing the model). */
export interface KMeansFit extends KMeansModel {
  labels: Int32Array;
}

const BLOCK = 512;

/**
 * Nearest centroid of every row (lowest index on ties); writes labels and squared distances, returns their sum.
 * Rows are copied block by block into a row-major buffer so the k·p inner loop reads contiguous memory.
 */
export function assignNearest(
  columns: Column[],
  nRows: number,
  centroids: Float64Array,
  k: number,
  labels: Int32Array,
  distSq: Float64Array,
): number {
  const p = columns.length;
  const buf = new Float64Array(Math.max(1, p) * BLOCK);
  let total = 0;
  for (let i0 = 0; i0 < nRows; i0 += BLOCK) {
    const b = Math.min(BLOCK, nRows - i0);
    for (let j = 0; j < p; j++) {
      const col = columns[j];
      for (let t = 0; t < b; t++) buf[t * p + j] = col[i0 + t];
    }
    for (let t = 0; t < b; t++) {
      const row = t * p;
      let best = 0;
      let bestD = Number.POSITIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const off = c * p;
        let d = 0;
        for (let j = 0; j < p; j++) {
          const diff = buf[row + j] - centroids[off + j];
          d += diff * diff;
        }
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      labels[i0 + t] = best;
      distSq[i0 + t] = bestD;
      total += bestD;
    }
  }
  return total;
}

/** The cluster of every row of X. Throws MlShapeError on a wrong feature count or a missing value. */
export function predictCluster(model: KMeansModel, X: Matrix): Int32Array {
  checkFeatureCount('kmeans', X, model.nFeatures);
  checkFinite('kmeans', X);
  const labels = new Int32Array(X.nRows);
  assignNearest(X.columns, X.nRows, model.centroids, model.k, labels, new Float64Array(X.nRows));
  return labels;
}
