/** Realised performance: each batch-scored cohort (model + snapshot date) measured once its churn horizon has matured. */
import { addDays, dataRange, snapshotAt } from '../../features/index.js';
import { rocAuc } from '../../ml/index.js';
import type { Store } from '../../store/index.js';

/** One cohort: metrics when its labels are mature, else the date they will be. */
export type CohortPerformance =
  | {
      modelId: string;
      snapshotDate: string;
      status: 'mature';
      customers: number;
      churned: number;
      rocAuc: number | null;
      precision: number | null;
      recall: number | null;
      f1: number | null;
      accuracy: number;
    }
  | { modelId: string; snapshotDate: string; status: 'pending'; customers: number; labelsMatureOn: string };

/** Every batch_score cohort, oldest first; labels come from the point-in-time snapshot at the cohort date. */
export async function realisedPerformance(store: Store, horizonDays = 30): Promise<CohortPerformance[]> {
  const cohorts = await store.all<{ model_id: string; snapshot_date: string; n: number }>(
    "SELECT model_id, snapshot_date, COUNT(*) AS n FROM predictions WHERE source = 'batch_score' GROUP BY model_id, snapshot_date ORDER BY snapshot_date, model_id",
  );
  const range = await dataRange(store);
  const out: CohortPerformance[] = [];
  for (const c of cohorts) {
    const matureOn = addDays(c.snapshot_date, horizonDays);
    if (range.newest === null || matureOn > range.newest) {
      out.push({
        modelId: c.model_id,
        snapshotDate: c.snapshot_date,
        status: 'pending',
        customers: Number(c.n),
        labelsMatureOn: matureOn,
      });
      continue;
    }
    const snap = await snapshotAt(store, c.snapshot_date, { horizonDays, range });
    const label = new Map(snap.frame.customerId.map((id, i) => [id, snap.label[i]]));
    const rows = await store.all<{ customer_ref: string; probability: number; decision: number }>(
      "SELECT customer_ref, probability, decision FROM predictions WHERE source = 'batch_score' AND model_id = ? AND snapshot_date = ?",
      [c.model_id, c.snapshot_date],
    );
    const y: number[] = [];
    const p: number[] = [];
    let tp = 0;
    let fp = 0;
    let tn = 0;
    let fn = 0;
    for (const r of rows) {
      const l = label.get(r.customer_ref);
      if (l === undefined || Number.isNaN(l)) continue;
      y.push(l);
      p.push(Number(r.probability));
      const d = Number(r.decision);
      if (d === 1 && l === 1) tp++;
      else if (d === 1) fp++;
      else if (l === 1) fn++;
      else tn++;
    }
    const n = y.length;
    const churned = tp + fn;
    const precision = tp + fp ? tp / (tp + fp) : null;
    const recall = churned ? tp / churned : null;
    out.push({
      modelId: c.model_id,
      snapshotDate: c.snapshot_date,
      status: 'mature',
      customers: n,
      churned,
      rocAuc: churned && churned < n ? rocAuc(Uint8Array.from(y), Float64Array.from(p)) : null,
      precision,
      recall,
      f1:
        precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null,
      accuracy: n ? (tp + tn) / n : 0,
    });
  }
  return out;
}
