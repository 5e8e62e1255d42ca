/** Hyper-parameters of k-means, with scikit-learn's defaults, checked once through params.ts. */

import { int, num, type ParamRules, resolveParams } from '../params.js';

/** k-means hyper-parameters. */
export interface KMeansParams {
  /** Number of clusters. */
  k: number;
  /** Independent k-means++ starts; the run with the lowest inertia wins. */
  nInit: number;
  /** Lloyd iterations per start. */
  maxIter: number;
  /** Stop when Σ‖centroid shift‖² ≤ tol × (mean per-feature variance), as scikit-learn. */
  tol: number;
  seed: number;
}

/** scikit-learn's defaults (k = 8, 10 starts, 300 iterations, tol 1e-4). */
export const kmeansDefaults: KMeansParams = { k: 8, nInit: 10, maxIter: 300, tol: 1e-4, seed: 0 };

const rules: ParamRules<KMeansParams> = {
  k: int({ min: 1 }),
  nInit: int({ min: 1 }),
  maxIter: int({ min: 1 }),
  tol: num({ min: 0 }),
  seed: int({ min: 0, max: 2 ** 32 - 1 }),
};

/** Defaults merged with `given`, validated; throws MlParamError naming the bad value. */
export const resolveKMeansParams = (given?: Partial<KMeansParams>): KMeansParams =>
  resolveParams('kmeans', kmeansDefaults, given, rules);
