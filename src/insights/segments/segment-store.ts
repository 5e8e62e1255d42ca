/** Segmentation runs in the store: `segment_runs` (profiles) and `customer_segments` (who is in which segment). */
import { randomUUID } from 'node:crypto';
import type { Store } from '../../store/index.js';
import type { Segmentation } from './segment-snapshot.js';

/** The stored summary of a run (everything but the per-customer assignments). */
export type SegmentSummary = Omit<Segmentation, 'assignments'> & { run_id: string; created_at: string };

/** Saves a segmentation as a new run; returns its summary. */
export async function saveSegmentation(store: Store, seg: Segmentation, now = new Date()): Promise<SegmentSummary> {
  const { assignments, ...rest } = seg;
  const summary: SegmentSummary = { run_id: randomUUID(), created_at: now.toISOString(), ...rest };
  await store.transaction(async (tx) => {
    await tx.insertMany(
      'segment_runs',
      ['run_id', 'created_at', 'snapshot_date', 'k', 'seed', 'summary_json'],
      [[summary.run_id, summary.created_at, seg.snapshot_date, seg.k, seg.seed, JSON.stringify(summary)]],
    );
    await tx.insertMany(
      'customer_segments',
      ['run_id', 'customer_id', 'snapshot_date', 'segment_id', 'segment_name'],
      assignments.map((a) => [summary.run_id, a.customerId, seg.snapshot_date, a.segmentId, a.segmentName]),
    );
  });
  return summary;
}

/** The newest segmentation run's summary, or null when `churn segment` has not run. */
export async function latestSegmentation(store: Store): Promise<SegmentSummary | null> {
  const rows = await store.all<{ summary_json: string }>(
    'SELECT summary_json FROM segment_runs ORDER BY created_at DESC, run_id DESC LIMIT 1',
  );
  return rows.length === 0 ? null : (JSON.parse(rows[0].summary_json) as SegmentSummary);
}

/** Each customer's segment name in the newest run (empty when none). */
export async function latestSegmentNames(store: Store): Promise<Map<string, string>> {
  const latest = await latestSegmentation(store);
  if (!latest) return new Map();
  const rows = await store.all<{ customer_id: string; segment_name: string }>(
    'SELECT customer_id, segment_name FROM customer_segments WHERE run_id = ?',
    [latest.run_id],
  );
  return new Map(rows.map((r) => [r.customer_id, r.segment_name]));
}
