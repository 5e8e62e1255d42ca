/** Mean silhouette coefficient (Rousseeuw 1987): exact over all rows, or over a seeded random sample for large n. */

import { checkFinite, checkMatrix, MlShapeError } from '../errors.js';
import type { Matrix } from '../matrix.js';
import { permutation, rng } from '../random.js';

/** Options for silhouette. */
export interface SilhouetteOptions {
  /** Compute on this many rows drawn without replacement (as scikit-learn's sample_size); all rows when omitted. */
  sampleSize?: number;
  seed?: number;
}

/**
 * Mean over rows of (b − a) / max(a, b), a = mean Euclidean distance to the rest of the row's own cluster,
 * b = the smallest mean distance to another cluster; a row alone in its cluster scores 0. O(n²·p).
 */
export function silhouette(X: Matrix, labels: Int32Array, options: SilhouetteOptions = {}): number {
  checkMatrix('silhouette', X);
  checkFinite('silhouette', X);
  if (labels.length !== X.nRows) throw new MlShapeError(`silhouette: ${labels.length} labels for ${X.nRows} rows`);
  const bad = labels.findIndex((l) => l < 0);
  if (bad >= 0)
    throw new MlShapeError(`silhouette: label at row ${bad} is ${labels[bad]}, expected a cluster index >= 0`, { row: bad });
  let rows = Int32Array.from({ length: X.nRows }, (_, i) => i);
  if (options.sampleSize !== undefined && options.sampleSize < X.nRows) {
    rows = permutation(rng(options.seed ?? 0), X.nRows).slice(0, Math.max(2, options.sampleSize));
  }
  const n = rows.length;
  const cols = X.columns.map((c) => Float64Array.from(rows, (r) => c[r]));
  const lab = Int32Array.from(rows, (r) => labels[r]);
  const k = Math.max(...lab) + 1;
  const size = new Float64Array(k);
  for (const l of lab) size[l]++;
  const present = size.filter((s) => s > 0).length;
  if (present < 2 || present >= n)
    throw new MlShapeError(`silhouette: needs 2 to n−1 clusters among the rows, got ${present} for ${n} rows`);
  const dist = new Float64Array(n);
  const perCluster = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    dist.fill(0);
    for (const c of cols) {
      const xi = c[i];
      for (let t = 0; t < n; t++) dist[t] += (c[t] - xi) ** 2;
    }
    perCluster.fill(0);
    for (let t = 0; t < n; t++) perCluster[lab[t]] += Math.sqrt(dist[t]);
    const own = lab[i];
    if (size[own] <= 1) continue;
    const a = perCluster[own] / (size[own] - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) if (c !== own && size[c] > 0) b = Math.min(b, perCluster[c] / size[c]);
    const scale = Math.max(a, b);
    if (scale > 0) total += (b - a) / scale; // identical rows in two clusters: 0, as scikit-learn
  }
  return total / n;
}
