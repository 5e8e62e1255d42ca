/** Stable segment ids: clusters renumbered by size (largest = 0), ties by centroid, so ids mean the same on re-runs. */
import { ChurnError } from '../../errors/index.js';
import type { SegmentInput } from './segment-input.js';

/** Lexicographic comparison of two centroids over their feature names in sorted order. */
function compareCentroids(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): number {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const n of names) {
    const d = (a[n] ?? 0) - (b[n] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The order of segments: larger first, equal sizes by centroid (lexicographic over sorted feature names), then by
 * cluster number. Returns `segmentIdOf[cluster]`, the stable id of each cluster.
 */
export function orderSegments(segments: readonly SegmentInput[]): Map<number, number> {
  const order = [...segments].sort(
    (a, b) => b.size - a.size || compareCentroids(a.centroid, b.centroid) || a.cluster - b.cluster,
  );
  return new Map(order.map((s, i) => [s.cluster, i]));
}

/** Rewrites k-means labels (cluster numbers) as stable segment ids. */
export function relabel(labels: ArrayLike<number>, segmentIdOf: ReadonlyMap<number, number>): Int32Array {
  const out = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const id = segmentIdOf.get(labels[i]);
    if (id === undefined) {
      throw new ChurnError('CHURN_ERR_SHAPE', `Row ${i} has cluster label ${labels[i]}, which is not a known cluster`, {
        row: i,
        label: labels[i],
      });
    }
    out[i] = id;
  }
  return out;
}
