/** fitKMeans: Lloyd's algorithm from several k-means++ starts; the start with the lowest inertia wins. */

import { checkFinite, checkMatrix, MlShapeError } from '../errors.js';
import type { Column, Matrix } from '../matrix.js';
import { rng } from '../random.js';
import { kmeansPlusPlus } from './kmeans-init.js';
import { assignNearest, type KMeansFit } from './kmeans-model.js';
import { type KMeansParams, resolveKMeansParams } from './kmeans-params.js';

/**
 * Clusters the rows of X. Deterministic for a seed. Features are used as given: scale them first if their units
 * differ. Missing values are an error (impute first).
 */
export function fitKMeans(X: Matrix, params?: Partial<KMeansParams>): KMeansFit {
  const prm = resolveKMeansParams(params);
  checkMatrix('kmeans', X);
  checkFinite('kmeans', X);
  if (prm.k > X.nRows) throw new MlShapeError(`kmeans: k = ${prm.k} clusters need at least ${prm.k} rows, X has ${X.nRows}`);
  const tolAbs = prm.tol * meanVariance(X.columns, X.nRows);
  const rand = rng(prm.seed);
  let best: Omit<KMeansFit, 'kind' | 'k' | 'nFeatures' | 'params'> | undefined;
  for (let start = 0; start < prm.nInit; start++) {
    const run = lloyd(X.columns, X.nRows, kmeansPlusPlus(X.columns, X.nRows, prm.k, rand), prm.k, prm.maxIter, tolAbs);
    if (best === undefined || run.inertia < best.inertia) best = run;
  }
  return { kind: 'kmeans', k: prm.k, nFeatures: X.columns.length, params: prm, ...best! };
}

/** Lloyd iterations from `centroids`; ends with an assignment step so labels match the returned centroids. */
function lloyd(columns: Column[], n: number, centroids: Float64Array, k: number, maxIter: number, tolAbs: number) {
  const p = columns.length;
  const labels = new Int32Array(n).fill(-1);
  const next = new Int32Array(n);
  const distSq = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIter) {
    assignNearest(columns, n, centroids, k, next, distSq);
    const unchanged = next.every((v, i) => v === labels[i]);
    labels.set(next);
    if (unchanged) {
      converged = true; // strict convergence: the assignment is a fixed point
      break;
    }
    const updated = centroidMeans(columns, n, labels, k, distSq);
    let shift = 0;
    for (let i = 0; i < k * p; i++) shift += (updated[i] - centroids[i]) ** 2;
    centroids = updated;
    iterations++;
    if (shift <= tolAbs) {
      converged = true;
      break;
    }
  }
  const inertia = assignNearest(columns, n, centroids, k, labels, distSq);
  return { centroids, labels, inertia, iterations, converged };
}

/** Mean of each cluster's rows; an empty cluster takes the row farthest from its centroid, as scikit-learn does. */
function centroidMeans(columns: Column[], n: number, labels: Int32Array, k: number, distSq: Float64Array): Float64Array {
  const p = columns.length;
  const sums = new Float64Array(k * p);
  const counts = new Float64Array(k);
  for (let i = 0; i < n; i++) counts[labels[i]]++;
  for (let j = 0; j < p; j++) {
    const col = columns[j];
    for (let i = 0; i < n; i++) sums[labels[i] * p + j] += col[i];
  }
  const taken = new Set<number>();
  for (let c = 0; c < k; c++) {
    if (counts[c] > 0) {
      for (let j = 0; j < p; j++) sums[c * p + j] /= counts[c];
      continue;
    }
    let far = -1;
    for (let i = 0; i < n; i++) if (!taken.has(i) && (far < 0 || distSq[i] > distSq[far])) far = i;
    taken.add(far);
    for (let j = 0; j < p; j++) sums[c * p + j] = columns[j][far];
  }
  return sums;
}

/** Mean of the per-feature variances: the scale of scikit-learn's relative tolerance. */
function meanVariance(columns: Column[], n: number): number {
  let total = 0;
  for (const col of columns) {
    let s = 0;
    for (let i = 0; i < n; i++) s += col[i];
    const mean = s / n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (col[i] - mean) ** 2;
    total += v / n;
  }
  return columns.length > 0 ? total / columns.length : 0;
}
