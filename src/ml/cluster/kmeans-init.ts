/** Greedy k-means++ seeding (Arthur & Vassilvitskii; scikit-learn's variant with 2 + ⌊ln k⌋ local trials per centre). */

import type { Column } from '../matrix.js';
import { randInt } from '../random.js';

/** Picks k initial centroids (row-major k × p) from the rows. */
export function kmeansPlusPlus(columns: Column[], nRows: number, k: number, rand: () => number): Float64Array {
  const p = columns.length;
  const centroids = new Float64Array(k * p);
  const setCentre = (c: number, row: number) => {
    for (let j = 0; j < p; j++) centroids[c * p + j] = columns[j][row];
  };
  setCentre(0, randInt(rand, nRows));
  const closest = distancesTo(columns, nRows, centroids, 0);
  let potential = sum(closest);
  const trials = 2 + Math.floor(Math.log(k));
  const cumulative = new Float64Array(nRows);
  for (let c = 1; c < k; c++) {
    let acc = 0;
    for (let i = 0; i < nRows; i++) cumulative[i] = acc += closest[i];
    let bestRow = -1;
    let bestPotential = Number.POSITIVE_INFINITY;
    let bestDist: Float64Array | undefined;
    for (let t = 0; t < trials; t++) {
      // All rows coincide with chosen centres when the potential is 0: any row will do.
      const row = potential > 0 ? Math.min(nRows - 1, searchSorted(cumulative, rand() * potential)) : randInt(rand, nRows);
      const cand = new Float64Array(p);
      for (let j = 0; j < p; j++) cand[j] = columns[j][row];
      const d = distancesTo(columns, nRows, cand, 0);
      for (let i = 0; i < nRows; i++) if (closest[i] < d[i]) d[i] = closest[i];
      const pot = sum(d);
      if (pot < bestPotential) {
        bestPotential = pot;
        bestRow = row;
        bestDist = d;
      }
    }
    setCentre(c, bestRow);
    closest.set(bestDist!);
    potential = bestPotential;
  }
  return centroids;
}

/** Squared distance of every row to the centroid stored at row-major offset c·p. */
function distancesTo(columns: Column[], nRows: number, centroids: Float64Array, c: number): Float64Array {
  const p = columns.length;
  const d = new Float64Array(nRows);
  for (let j = 0; j < p; j++) {
    const col = columns[j];
    const v = centroids[c * p + j];
    for (let i = 0; i < nRows; i++) {
      const diff = col[i] - v;
      d[i] += diff * diff;
    }
  }
  return d;
}

function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

/** First index whose cumulative value is ≥ x (numpy's searchsorted, side 'left'). */
function searchSorted(cumulative: Float64Array, x: number): number {
  let lo = 0;
  let hi = cumulative.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
