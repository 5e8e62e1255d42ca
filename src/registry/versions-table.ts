/** The `model_versions` table: one immutable row per registered model, plus a status mirrored from the pointer. */
import type { Store } from '../store/index.js';
import type { ModelArtifact } from './schema/artifact.js';
import type { Metrics } from './schema/metrics.js';

/** Where a version stands: champion (current), challenger, retired (was champion), registered (never promoted). */
export type ModelStatus = 'champion' | 'challenger' | 'retired' | 'registered';

/** A row of `model_versions` as stored. */
export interface VersionRow {
  model_id: string;
  version: number;
  created_at: string;
  family: string;
  source: string;
  path: string;
  threshold: number;
  metrics_json: string;
  status: string;
  promoted_at: string | null;
}

const COLUMNS = 'model_id, version, created_at, family, source, path, threshold, metrics_json, status, promoted_at';

/** All versions, oldest first. */
export async function selectVersions(store: Store): Promise<VersionRow[]> {
  const rows = await store.all<VersionRow>(`SELECT ${COLUMNS} FROM model_versions ORDER BY version`);
  return rows.map((r) => ({ ...r, version: Number(r.version), threshold: Number(r.threshold) }));
}

/**
 * Inserts the row for a newly registered artifact with the next version number; if the model is
 * already registered (same content id) returns the existing row unchanged — versions are immutable.
 */
export async function insertVersion(
  store: Store,
  artifact: ModelArtifact,
  relPath: string,
  registeredAt: string,
): Promise<VersionRow> {
  return store.transaction(async (tx) => {
    const existing = await tx.all<VersionRow>(`SELECT ${COLUMNS} FROM model_versions WHERE model_id = ?`, [artifact.modelId]);
    if (existing.length) return { ...existing[0], version: Number(existing[0].version) };
    const [{ v }] = await tx.all<{ v: number | null }>('SELECT MAX(version) AS v FROM model_versions');
    const chosen = artifact.candidates.find((c) => c.selected)!;
    const row: VersionRow = {
      model_id: artifact.modelId,
      version: Number(v ?? 0) + 1,
      created_at: registeredAt,
      family: artifact.estimator.family,
      source: artifact.source,
      path: relPath,
      threshold: artifact.threshold.value,
      metrics_json: JSON.stringify(chosen.metrics satisfies Metrics),
      status: 'registered',
      promoted_at: null,
    };
    await tx.run(`INSERT INTO model_versions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      row.model_id,
      row.version,
      row.created_at,
      row.family,
      row.source,
      row.path,
      row.threshold,
      row.metrics_json,
      row.status,
      row.promoted_at,
    ]);
    return row;
  });
}

/** Mirrors the pointer's view into the status/promoted_at columns where they differ (cheap: the table is small). */
export async function updateStatuses(
  store: Store,
  rows: readonly VersionRow[],
  wanted: (row: VersionRow) => { status: ModelStatus; promotedAt: string | null },
): Promise<void> {
  for (const row of rows) {
    const w = wanted(row);
    if (row.status === w.status && row.promoted_at === w.promotedAt) continue;
    await store.run('UPDATE model_versions SET status = ?, promoted_at = ? WHERE model_id = ?', [
      w.status,
      w.promotedAt,
      row.model_id,
    ]);
  }
}
