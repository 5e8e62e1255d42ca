/**
 * Drift over a batch of logged predictions: the rows of `predictions` in a time window, from one source and one model,
 * compared with that model's baseline — features from the rows that logged them, the score from every row.
 */
import type { LoadedConfig } from '../../config/index.js';
import { ChurnError } from '../../errors/index.js';
import type { FeatureRow } from '../../features/index.js';
import type { Scorer, ValidRecord } from '../../scoring/index.js';
import type { Store } from '../../store/index.js';
import { type BatchDefinition, type BatchSource, baselineOf, type DriftReport, driftReport } from './drift-report.js';
import { driftOptionsOf, monitoringDir } from './run-drift.js';
import { type SavedRun, saveRun } from './save-run.js';

/** What `churn monitor --batch` selects, before validation (CLI options as typed). */
export interface BatchSelection {
  /** YYYY-MM-DD (from the start of that UTC day) or an ISO-8601 timestamp; inclusive. */
  from?: string;
  /** YYYY-MM-DD (to the end of that UTC day) or an ISO-8601 timestamp; inclusive. */
  to?: string;
  /** A rolling window instead of `from`: the last N hours before `now`, e.g. "24h" (a scheduled monitor re-reads it). */
  last?: string;
  source?: string;
  /** Default: the model of the newest logged prediction in the window. */
  modelId?: string;
}

/** A validated selection: normalised ISO bounds, a known source. */
export interface BatchWindow {
  from: string | null;
  to: string | null;
  source: BatchSource | null;
}

/** predictions.source values behind each selectable source. */
const sourceValues: Record<BatchSource, readonly string[]> = {
  api: ['api', 'batch'],
  job: ['job'],
  score: ['batch_score'],
};

const day = /^\d{4}-\d{2}-\d{2}$/;

function bound(option: '--from' | '--to', v: string | undefined): string | null {
  if (v === undefined || v === '') return null;
  const text = day.test(v) ? `${v}T${option === '--from' ? '00:00:00.000' : '23:59:59.999'}Z` : v;
  const t = Date.parse(text);
  if (Number.isNaN(t) || !(day.test(v) || /^\d{4}-\d{2}-\d{2}T/.test(v)))
    throw new ChurnError('CHURN_ERR_PARAM', `${option} takes a date YYYY-MM-DD or an ISO-8601 timestamp, not "${v}"`, {
      option,
      value: v,
    });
  return new Date(t).toISOString();
}

function rolling(last: string, now: Date): string {
  const m = /^(\d+(?:\.\d+)?)h$/.exec(last);
  if (!m || Number(m[1]) <= 0)
    throw new ChurnError('CHURN_ERR_PARAM', `--last takes hours like 24h, not "${last}"`, { option: '--last', value: last });
  return new Date(now.getTime() - Number(m[1]) * 3_600_000).toISOString();
}

/** Checks and normalises a selection: CHURN_ERR_PARAM naming the option when a bound or the source is invalid. */
export function batchWindow(s: BatchSelection, now = new Date()): BatchWindow {
  if (s.last !== undefined && s.from !== undefined)
    throw new ChurnError('CHURN_ERR_PARAM', '--last and --from both set the start of the window: give one of them', {
      option: '--last',
    });
  const from = s.last !== undefined ? rolling(s.last, now) : bound('--from', s.from);
  const to = bound('--to', s.to);
  if (from !== null && to !== null && from > to)
    throw new ChurnError('CHURN_ERR_PARAM', `--from (${from}) is after --to (${to})`, { option: '--from', from, to });
  if (s.source !== undefined && !(s.source in sourceValues))
    throw new ChurnError('CHURN_ERR_PARAM', `--source takes api, job or score, not "${s.source}"`, {
      option: '--source',
      value: s.source,
    });
  return { from, to, source: (s.source as BatchSource | undefined) ?? null };
}

function where(w: BatchWindow, modelId?: string): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (modelId !== undefined) {
    clauses.push('model_id = ?');
    params.push(modelId);
  }
  if (w.from !== null) {
    clauses.push('created_at >= ?');
    params.push(w.from);
  }
  if (w.to !== null) {
    clauses.push('created_at <= ?');
    params.push(w.to);
  }
  if (w.source !== null) {
    const values = sourceValues[w.source];
    clauses.push(`source IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

const describeWindow = (w: BatchWindow) =>
  `from ${w.from ?? 'the first'} to ${w.to ?? 'the last'} prediction, source ${w.source ?? 'any'}`;

/** The model of the newest logged prediction in the window (the batch's default model); CHURN_ERR_NO_DATA when none. */
export async function newestLoggedModel(store: Store, w: BatchWindow): Promise<string> {
  const q = where(w);
  const rows = await store.all<{ model_id: string }>(
    `SELECT model_id FROM predictions ${q.sql} ORDER BY created_at DESC, prediction_id DESC LIMIT 1`,
    q.params,
  );
  if (!rows.length) throw new ChurnError('CHURN_ERR_NO_DATA', `No logged predictions ${describeWindow(w)}`, { ...w });
  return rows[0].model_id;
}

/** The drift report of `scorer`'s logged predictions in window `w` (not stored). */
export async function batchDriftReport(store: Store, scorer: Scorer, config: LoadedConfig, w: BatchWindow): Promise<DriftReport> {
  const baseline = baselineOf(scorer.artifact);
  const q = where(w, scorer.modelId);
  const rows = await store.all<{ created_at: string; probability: number; features_json: string | null }>(
    `SELECT created_at, probability, features_json FROM predictions ${q.sql} ORDER BY created_at, prediction_id`,
    q.params,
  );
  if (!rows.length)
    throw new ChurnError('CHURN_ERR_NO_DATA', `No logged predictions of model ${scorer.modelId} ${describeWindow(w)}`, {
      ...w,
      modelId: scorer.modelId,
    });
  const probability = new Float64Array(rows.length);
  const records: ValidRecord[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    probability[i] = Number(r.probability);
    if (r.features_json !== null) records.push({ id: `row-${i}`, cutoff: '', values: JSON.parse(r.features_json) as FeatureRow });
  }
  // The same adapter as serving: stacked inputs plus the derived features the baseline also covers.
  const frame = scorer.input.frameOf(records);
  const first = rows[0].created_at;
  const last = rows[rows.length - 1].created_at;
  const batch: BatchDefinition = { ...w, modelId: scorer.modelId, first, last };
  return driftReport(scorer.modelId, last.slice(0, 10), baseline, frame, probability, driftOptionsOf(config), batch);
}

/** Computes and stores (monitoring_runs kind `drift`, with the batch definition, and its JSON file) a batch drift run. */
export async function runBatchDrift(
  store: Store,
  scorer: Scorer,
  config: LoadedConfig,
  w: BatchWindow,
  options: { writeFile?: boolean } = {},
): Promise<{ report: DriftReport; run: SavedRun }> {
  const report = await batchDriftReport(store, scorer, config, w);
  const run = await saveRun(
    store,
    { kind: 'drift', modelId: scorer.modelId, at: report.at, verdict: report.verdict.dataset, result: report },
    options.writeFile === false ? null : monitoringDir(config),
  );
  return { report, run };
}
