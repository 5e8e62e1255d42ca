/** Report input from a model artifact alone, so any registered model's report can be re-rendered. */
import type { ModelArtifact } from '../../registry/index.js';
import type { TrainingReportInput } from './types.js';

/** Fills the report input from an artifact (curves of the other candidates appear when the artifact stores them). */
export function reportInputFromArtifact(
  a: ModelArtifact,
  extra: Pick<TrainingReportInput, 'generatedAt' | 'title'> = {},
): TrainingReportInput {
  const t = a.training;
  const labels = new Map(a.features.inputs.map((f) => [f.name, f.label]));
  const details: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(a.threshold.details)) if (typeof v === 'number' || typeof v === 'string') details[k] = v;
  return {
    ...extra,
    modelId: a.modelId,
    codeVersion: a.codeVersion,
    source: a.source,
    data: {
      window: t.dataWindow,
      cutoffs: t.cutoffs,
      folds: t.folds,
      horizonDays: t.horizonDays,
      rows: t.rows,
      churnRate: { train: t.positives.train / t.rows.train, validation: t.positives.validation / t.rows.validation },
      features: a.features.inputs.length,
      table:
        a.source === 'table'
          ? { file: t.tableFile ?? '(table)', target: t.target.column, positive: t.target.positive }
          : undefined,
    },
    selection: { rule: a.selection.rule, reason: a.selection.reason },
    candidates: a.candidates.map((c) => ({
      name: c.name,
      family: c.family,
      selected: c.selected,
      metrics: c.metrics,
      roc: c.curves?.roc ?? (c.selected ? a.curves.roc : undefined),
      pr: c.curves?.pr ?? (c.selected ? a.curves.pr : undefined),
    })),
    chosen: {
      threshold: { value: a.threshold.value, rule: a.threshold.rule, details },
      confusion: a.candidates.find((c) => c.selected)!.metrics.confusion,
      calibration: a.curves.calibration,
      thresholdCurve: a.curves.threshold,
    },
    importance: { method: a.importance.method, values: a.importance.values.map((v) => ({ ...v, label: labels.get(v.feature) })) },
    ...(a.importances ? { importances: a.importances } : {}),
  };
}
