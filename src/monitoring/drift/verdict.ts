/** The one verdict on "the data drifted" that every surface (CLI, API, dashboard, alerts) reads. */
import { DEFAULT_DRIFT_THRESHOLDS, type DriftClass, type DriftThresholds, driftClass } from './drift-class.js';

export interface FeatureDrift {
  feature: string;
  psi: number;
  class: DriftClass;
}

export interface DriftVerdict {
  /** Dataset-level class: the worst of the score's class and the feature rule below. */
  dataset: DriftClass;
  score: FeatureDrift;
  features: FeatureDrift[];
  /** Features classed `drift`, highest PSI first. */
  drifted: string[];
  reason: string;
}

export interface VerdictOptions extends DriftThresholds {
  /** The dataset drifts when at least this share of features drift (default 0.25). */
  datasetShare: number;
}

const order: Record<DriftClass, number> = { stable: 0, moderate: 1, drift: 2 };
const worst = (a: DriftClass, b: DriftClass) => (order[a] >= order[b] ? a : b);

/**
 * Rule: the dataset drifts when the score drifts or ≥ `datasetShare` of the features drift; it is moderate when the
 * score is moderate or any feature drifts; otherwise stable. Features are reported highest PSI first.
 */
export function driftVerdict(
  score: { psi: number },
  features: readonly { feature: string; psi: number }[],
  options: Partial<VerdictOptions> = {},
): DriftVerdict {
  const t = { ...DEFAULT_DRIFT_THRESHOLDS, datasetShare: 0.25, ...options };
  const ranked = features
    .map((f) => ({ feature: f.feature, psi: f.psi, class: driftClass(f.psi, t) }))
    .sort((a, b) => b.psi - a.psi || a.feature.localeCompare(b.feature));
  const drifted = ranked.filter((f) => f.class === 'drift').map((f) => f.feature);
  const scoreDrift: FeatureDrift = { feature: 'score', psi: score.psi, class: driftClass(score.psi, t) };
  const share = ranked.length ? drifted.length / ranked.length : 0;
  const featureClass: DriftClass = share >= t.datasetShare && drifted.length ? 'drift' : drifted.length ? 'moderate' : 'stable';
  const dataset = worst(scoreDrift.class, featureClass);
  const parts = [`score PSI ${score.psi.toFixed(3)} (${scoreDrift.class})`];
  parts.push(
    drifted.length
      ? `${drifted.length} of ${ranked.length} features drifted (${drifted.slice(0, 5).join(', ')}${drifted.length > 5 ? ', …' : ''})`
      : `no feature above PSI ${t.drift}`,
  );
  return { dataset, score: scoreDrift, features: ranked, drifted, reason: parts.join('; ') };
}
