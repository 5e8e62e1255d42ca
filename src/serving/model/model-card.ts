/** The model card and curves the API shows, read from the artifact alone. */
import type { ModelArtifact, ModelVersion } from '../../registry/index.js';

/** GET /model. */
export function modelCard(artifact: ModelArtifact, loadedAt: string) {
  const t = artifact.training;
  return {
    model_id: artifact.modelId,
    family: artifact.estimator.family,
    code_version: artifact.codeVersion,
    source: artifact.source,
    loaded_at: loadedAt,
    horizon_days: t.horizonDays,
    trained_window: t.dataWindow,
    cutoffs: t.cutoffs,
    rows: t.rows,
    positives: t.positives,
    threshold: { value: artifact.threshold.value, rule: artifact.threshold.rule },
    risk_buckets: artifact.riskBuckets,
    calibration: artifact.calibration === null ? null : artifact.calibration.method,
    selection: artifact.selection,
    candidates: artifact.candidates.map((c) => ({ name: c.name, family: c.family, selected: c.selected, metrics: c.metrics })),
    importance: artifact.importance,
  };
}

/** GET /model/curves: ROC, PR, calibration and threshold curves of the selected model, the chosen threshold, lift. */
export function modelCurves(artifact: ModelArtifact) {
  const chosen = artifact.candidates.find((c) => c.selected) ?? artifact.candidates[0];
  return {
    model_id: artifact.modelId,
    chosen_threshold: artifact.threshold.value,
    roc: artifact.curves.roc,
    pr: artifact.curves.pr,
    calibration: artifact.curves.calibration,
    threshold_curve: artifact.curves.threshold,
    lift: { top_decile_lift: chosen.metrics.topDecileLift, top_decile_capture: chosen.metrics.topDecileCapture },
  };
}

/** One row of GET /models. */
export function versionOut(v: ModelVersion) {
  return {
    model_id: v.modelId,
    version: v.version,
    registered_at: v.registeredAt,
    family: v.family,
    source: v.source,
    threshold: v.threshold,
    status: v.status,
    promoted_at: v.promotedAt,
    metrics: v.metrics,
  };
}
