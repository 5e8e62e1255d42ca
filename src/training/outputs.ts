/** The run's files for people and BI: outputs/model_comparison.csv, outputs/metrics.json, outputs/feature_importance.csv. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { ModelArtifact } from '../registry/index.js';
import type { GlobalImportance } from './importance/index-of-model.js';
import type { CandidateOutcome } from './outcome.js';

const cell = (v: number | null) => (v === null ? '' : Math.round(v * 1e6) / 1e6);

/** One row per candidate: every validation metric at the candidate's own threshold, its rule, and the confusion matrix. */
export function comparisonCsv(outcomes: readonly CandidateOutcome[], selected: string): string {
  return stringify(
    outcomes.map((o) => {
      const m = o.assessment.metrics;
      const best = o.search.trials.reduce((a, t) => Math.max(a, t.prAuc), Number.NEGATIVE_INFINITY);
      return {
        model: o.name,
        family: o.family,
        selected: o.name === selected ? 1 : 0,
        roc_auc: cell(m.rocAuc),
        pr_auc: cell(m.prAuc),
        precision: cell(m.precision),
        recall: cell(m.recall),
        f1: cell(m.f1),
        accuracy: cell(m.accuracy),
        brier: cell(m.brier),
        log_loss: cell(m.logLoss),
        top_decile_lift: cell(m.topDecileLift),
        top_decile_capture: cell(m.topDecileCapture),
        threshold: cell(m.threshold),
        threshold_rule: o.assessment.threshold.rule,
        tp: m.confusion.tp,
        fp: m.confusion.fp,
        tn: m.confusion.tn,
        fn: m.confusion.fn,
        calibration: o.assessment.calibration?.method ?? 'none',
        search_trials: o.search.trials.length,
        search_pr_auc: cell(best),
      };
    }),
    { header: true },
  );
}

/** The importance table: one row per business feature with the three measures. */
export function importanceCsv(importance: GlobalImportance): string {
  const get = (list: GlobalImportance['native'], f: string) => list.values.find((v) => v.feature === f)?.value ?? '';
  return stringify(
    importance.shap.values.map((v) => ({
      feature: v.feature,
      mean_abs_shap: v.value,
      permutation_auc_drop: get(importance.permutation, v.feature),
      native: get(importance.native, v.feature),
    })),
    { header: true },
  );
}

/** metrics.json: the run summary (model id, selection, every candidate's metrics and threshold, the three importances). */
export function metricsJson(artifact: ModelArtifact, importance: GlobalImportance, timings: Record<string, number>): string {
  const doc = {
    modelId: artifact.modelId,
    source: artifact.source,
    training: artifact.training,
    selection: artifact.selection,
    threshold: artifact.threshold,
    candidates: artifact.candidates.map((c) => ({
      name: c.name,
      family: c.family,
      selected: c.selected,
      metrics: c.metrics,
      params: c.params,
    })),
    importance,
    timingsSeconds: timings,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Writes the three files into `dir` (created if needed) and returns their paths. */
export function writeOutputs(
  dir: string,
  artifact: ModelArtifact,
  outcomes: readonly CandidateOutcome[],
  importance: GlobalImportance,
  timings: Record<string, number>,
): { comparison: string; metrics: string; importance: string } {
  mkdirSync(dir, { recursive: true });
  const files = {
    comparison: path.join(dir, 'model_comparison.csv'),
    metrics: path.join(dir, 'metrics.json'),
    importance: path.join(dir, 'feature_importance.csv'),
  };
  writeFileSync(files.comparison, comparisonCsv(outcomes, artifact.selection.chosen));
  writeFileSync(files.metrics, metricsJson(artifact, importance, timings));
  writeFileSync(files.importance, importanceCsv(importance));
  return files;
}
