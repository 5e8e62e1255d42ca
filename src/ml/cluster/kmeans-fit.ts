/** fitKMeans: Lloyd's algorithm (Hamerly-accelerated) from several k-means++ starts; the lowest inertia wins. */

import { checkFinite, checkMatrix, MlShapeError } from '../errors.js';
import type { Column, Matrix } from '../matrix.js';
import { rng } from '../random.js';
import { kmeansPlusPlus } from './kmeans-init.js';
import type { KMeansFit } from './kmeans-model.js';
import { type KMeansParams, resolveKMeansParams } from './kmeans-params.js';
import { lloyd } from './lloyd.js';

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
