/** The training report's input: plain data the training pipeline fills (no dependency on the pipeline's types). */

/** Validation metrics of one candidate; null where a metric is undefined on the data. */
export interface ReportMetrics {
  rocAuc: number | null;
  prAuc: number | null;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  accuracy: number | null;
  brier: number | null;
  logLoss: number | null;
  topDecileLift: number | null;
  topDecileCapture: number | null;
  /** The candidate's tuned decision threshold, at which precision … accuracy were computed. */
  threshold: number;
}

/** A curve as parallel arrays (ROC: x = false-positive rate, y = true-positive rate; PR: x = recall, y = precision). */
export interface ReportCurve {
  x: readonly number[];
  y: readonly number[];
}

/** One candidate: metrics and, when available, its ROC and PR curves. */
export interface ReportCandidate {
  /** Display name, e.g. "Histogram boosting". */
  name: string;
  /** Estimator family key, e.g. "hist_boosting". */
  family: string;
  selected: boolean;
  metrics: ReportMetrics;
  roc?: ReportCurve;
  pr?: ReportCurve;
}

/** One named importance measure: how it was measured, on which rows (null: read off the model), per feature. */
export interface ReportImportance {
  /** 'mean_abs_shap', 'permutation' or 'native'. */
  name: string;
  method: string;
  sample: { rows: number; from: string } | null;
  values: readonly { feature: string; value: number }[];
}

/** Everything the report shows; the training pipeline fills it (or `reportInputFromArtifact`). */
export interface TrainingReportInput {
  /** Defaults to "Churn model training report". */
  title?: string;
  modelId: string;
  codeVersion?: string;
  /** When the report was generated; leave out for a byte-reproducible report. */
  generatedAt?: string;
  source: 'snapshots' | 'table';
  data: {
    /** First and last raw-data date read (snapshots). */
    window: { from: string; to: string } | null;
    cutoffs: { train: readonly string[]; validation: readonly string[] } | null;
    /** Cross-validation (tables). */
    folds: { k: number; stratified: boolean } | null;
    horizonDays: number | null;
    rows: { train: number; validation: number };
    churnRate: { train: number; validation: number };
    /** Number of raw input features. */
    features: number;
    /** Flat-table runs: the file and its label column. */
    table?: { file: string; target: string; positive: string };
  };
  selection: { rule: string; reason: string };
  candidates: readonly ReportCandidate[];
  chosen: {
    threshold: { value: number; rule: 'f1' | 'cost'; details?: Readonly<Record<string, string | number>> };
    confusion: { tp: number; fp: number; tn: number; fn: number };
    calibration: { predicted: readonly number[]; observed: readonly number[]; count: readonly number[] };
    thresholdCurve: {
      threshold: readonly number[];
      precision: readonly (number | null)[];
      recall: readonly (number | null)[];
      f1: readonly (number | null)[];
    };
  };
  /** The headline importance (the chart). */
  importance: { method: string; values: readonly { feature: string; label?: string; value: number }[] };
  /** Every measure side by side (a table under the chart); absent for artifacts that hold only the headline list. */
  importances?: readonly ReportImportance[];
  /** Extra lines for the trust box (e.g. checks the pipeline ran). */
  trustNotes?: readonly string[];
}
