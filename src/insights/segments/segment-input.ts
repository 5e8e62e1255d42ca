/** What segment naming needs about each k-means cluster, and how to get it from a fit's centroids and labels. */
import { ChurnError } from '../../errors/index.js';

/** One cluster as segment naming sees it. */
export interface SegmentInput {
  /** Cluster number as k-means produced it. */
  cluster: number;
  size: number;
  /** Churn rate of the cluster: observed labels, or the mean predicted probability when labels are pending. */
  churnRate: number;
  /** Centroid over standardised features (z-scores), by feature name. */
  centroid: Readonly<Record<string, number>>;
}

/**
 * Builds segment inputs from a k-means result: row-major `centroids` (k × features), each row's cluster `labels`,
 * and each row's churn outcome or probability (`churn`, 0..1).
 */
export function segmentInputsFromClusters(fit: {
  k: number;
  featureNames: readonly string[];
  centroids: ArrayLike<number>;
  labels: ArrayLike<number>;
  churn: ArrayLike<number>;
}): SegmentInput[] {
  const { k, featureNames, centroids, labels, churn } = fit;
  const p = featureNames.length;
  if (centroids.length !== k * p || labels.length !== churn.length) {
    throw new ChurnError(
      'CHURN_ERR_SHAPE',
      `Expected ${k} × ${p} centroid values and one churn value per label; got ${centroids.length} centroid values, ${labels.length} labels, ${churn.length} churn values`,
      { k, features: p, centroidValues: centroids.length, labels: labels.length, churn: churn.length },
    );
  }
  const size = new Float64Array(k);
  const churned = new Float64Array(k);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (!(Number.isInteger(c) && c >= 0 && c < k)) {
      throw new ChurnError('CHURN_ERR_SHAPE', `Row ${i} has cluster label ${c}, outside 0..${k - 1}`, { row: i, label: c });
    }
    size[c] += 1;
    churned[c] += churn[i];
  }
  return Array.from({ length: k }, (_, c) => ({
    cluster: c,
    size: size[c],
    churnRate: size[c] === 0 ? 0 : churned[c] / size[c],
    centroid: Object.fromEntries(featureNames.map((name, j) => [name, centroids[c * p + j]])),
  }));
}
