/** A monitoring run kept twice: one row of `monitoring_runs` and one JSON file under outputs/monitoring/. */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Store } from '../../store/index.js';

/** The kinds of rows monitoring writes to `monitoring_runs`. */
export type RunKind = 'drift' | 'performance' | 'retrain' | 'api_check';

/** One stored monitoring run. */
export interface SavedRun {
  runId: string;
  createdAt: string;
  file: string | null;
}

/** Inserts the run row and, when `outDir` is given, writes `<kind>-<at>-<runId>.json` there. */
export async function saveRun(
  store: Store,
  run: { kind: RunKind; modelId: string | null; at: string | null; verdict: string; result: unknown },
  outDir: string | null,
  now = new Date(),
): Promise<SavedRun> {
  const createdAt = now.toISOString();
  const json = JSON.stringify(run.result);
  const runId = `m-${createHash('sha256').update(`${run.kind}\n${createdAt}\n${json}`).digest('hex').slice(0, 16)}`;
  await store.run(
    'INSERT INTO monitoring_runs (run_id, created_at, kind, model_id, at_date, verdict, result_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [runId, createdAt, run.kind, run.modelId, run.at, run.verdict, json],
  );
  let file: string | null = null;
  if (outDir) {
    mkdirSync(outDir, { recursive: true });
    file = path.join(outDir, `${run.kind}-${run.at ?? 'latest'}-${runId}.json`);
    writeFileSync(file, `${JSON.stringify({ runId, createdAt, ...run }, null, 2)}\n`);
  }
  return { runId, createdAt, file };
}

/** The newest stored run of `kind` (its parsed result), or null. */
export async function latestRun<T>(
  store: Store,
  kind: RunKind,
): Promise<{ runId: string; createdAt: string; modelId: string | null; at: string | null; verdict: string; result: T } | null> {
  const rows = await store.all<{
    run_id: string;
    created_at: string;
    model_id: string | null;
    at_date: string | null;
    verdict: string;
    result_json: string;
  }>(
    'SELECT run_id, created_at, model_id, at_date, verdict, result_json FROM monitoring_runs WHERE kind = ? ORDER BY created_at DESC, run_id DESC LIMIT 1',
    [kind],
  );
  if (!rows.length) return null;
  const r = rows[0];
  return {
    runId: r.run_id,
    createdAt: r.created_at,
    modelId: r.model_id,
    at: r.at_date,
    verdict: r.verdict,
    result: JSON.parse(r.result_json) as T,
  };
}
