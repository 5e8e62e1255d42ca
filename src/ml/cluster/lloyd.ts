/**
 * Lloyd's k-means iterations accelerated with Hamerly's bounds (Hamerly 2010): each row keeps an upper bound on the
 * distance to its centroid and a lower bound on the distance to every other one, so most rows skip the k distance
 * computations once the centroids settle. Same fixed points as plain Lloyd; the final assignment is exact.
 */

import type { Column } from '../matrix.js';
import { assignNearest } from './kmeans-model.js';

/** One start's result. */
export interface LloydRun {
  centroids: Float64Array;
  labels: Int32Array;
  inertia: number;
  iterations: number;
  converged: boolean;
}

/** Runs from `centroids` (row-major k × p) until no label changes, Σ‖shift‖² ≤ tolAbs, or maxIter updates. */
export function lloyd(
  columns: Column[],
  n: number,
  centroids: Float64Array,
  k: number,
  maxIter: number,
  tolAbs: number,
): LloydRun {
  const p = columns.length;
  const labels = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const dist = (i: number, c: number) => {
    let s = 0;
    for (let j = 0; j < p; j++) {
      const diff = columns[j][i] - centroids[c * p + j];
      s += diff * diff;
    }
    return Math.sqrt(s);
  };
  const fullAssign = (i: number) => {
    let best = 0;
    let d1 = Number.POSITIVE_INFINITY;
    let d2 = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      const d = dist(i, c);
      if (d < d1) {
        d2 = d1;
        d1 = d;
        best = c;
      } else if (d < d2) d2 = d;
    }
    const changed = labels[i] !== best;
    labels[i] = best;
    upper[i] = d1;
    lower[i] = d2;
    return changed;
  };
  for (let i = 0; i < n; i++) fullAssign(i);
  let iterations = 0;
  let converged = false;
  const half = new Float64Array(k);
  while (iterations < maxIter) {
    const next = centroidMeans(columns, n, labels, k, centroids);
    const moved = new Float64Array(k);
    let shift = 0;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += (next[c * p + j] - centroids[c * p + j]) ** 2;
      moved[c] = Math.sqrt(s);
      shift += s;
    }
    centroids = next;
    iterations++;
    if (shift <= tolAbs) {
      converged = true;
      break;
    }
    let top = 0;
    for (let c = 1; c < k; c++) if (moved[c] > moved[top]) top = c;
    let second = 0;
    for (let c = 0; c < k; c++) if (c !== top) second = Math.max(second, moved[c]);
    for (let c = 0; c < k; c++) {
      let m = Number.POSITIVE_INFINITY;
      for (let o = 0; o < k; o++) if (o !== c) m = Math.min(m, centroidGap(centroids, p, c, o));
      half[c] = m / 2;
    }
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const a = labels[i];
      upper[i] += moved[a];
      lower[i] -= a === top ? second : moved[top];
      const bound = Math.max(lower[i], half[a]);
      if (upper[i] <= bound) continue;
      upper[i] = dist(i, a);
      if (upper[i] <= bound) continue;
      if (fullAssign(i)) changed++;
    }
    if (changed === 0) {
      converged = true; // strict convergence: the assignment is a fixed point
      break;
    }
  }
  const inertia = assignNearest(columns, n, centroids, k, labels, new Float64Array(n));
  return { centroids, labels, inertia, iterations, converged };
}

function centroidGap(centroids: Float64Array, p: number, a: number, b: number): number {
  let s = 0;
  for (let j = 0; j < p; j++) s += (centroids[a * p + j] - centroids[b * p + j]) ** 2;
  return Math.sqrt(s);
}

/** Mean of each cluster's rows; an empty cluster takes the row farthest from its centroid, as scikit-learn does. */
function centroidMeans(columns: Column[], n: number, labels: Int32Array, k: number, old: Float64Array): Float64Array {
  const p = columns.length;
  const sums = new Float64Array(k * p);
  const counts = new Float64Array(k);
  for (let i = 0; i < n; i++) counts[labels[i]]++;
  for (let j = 0; j < p; j++) {
    const col = columns[j];
    for (let i = 0; i < n; i++) sums[labels[i] * p + j] += col[i];
  }
  let distSq: Float64Array | undefined;
  const taken = new Set<number>();
  for (let c = 0; c < k; c++) {
    if (counts[c] > 0) {
      for (let j = 0; j < p; j++) sums[c * p + j] /= counts[c];
      continue;
    }
    distSq ??= exactDistances(columns, n, labels, old);
    let far = -1;
    for (let i = 0; i < n; i++) if (!taken.has(i) && (far < 0 || distSq[i] > distSq[far])) far = i;
    taken.add(far);
    for (let j = 0; j < p; j++) sums[c * p + j] = columns[j][far];
  }
  return sums;
}

/** Squared distance of every row to its assigned centroid (only needed to relocate an empty cluster). */
function exactDistances(columns: Column[], n: number, labels: Int32Array, centroids: Float64Array): Float64Array {
  const p = columns.length;
  const d = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    const col = columns[j];
    for (let i = 0; i < n; i++) d[i] += (col[i] - centroids[labels[i] * p + j]) ** 2;
  }
  return d;
}
