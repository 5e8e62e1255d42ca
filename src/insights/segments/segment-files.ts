/** Segmentation output files: outputs/segments.csv (customer, segment id, name) and outputs/segments.json (summary). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Segmentation } from './segment-snapshot.js';
import type { SegmentSummary } from './segment-store.js';

/** Writes both files into `dir`; returns their paths. */
export function writeSegmentFiles(dir: string, seg: Segmentation, summary: SegmentSummary): { csv: string; json: string } {
  mkdirSync(dir, { recursive: true });
  const csv = path.join(dir, 'segments.csv');
  const json = path.join(dir, 'segments.json');
  writeFileSync(
    csv,
    stringify(
      seg.assignments.map((a) => [a.customerId, a.segmentId, a.segmentName]),
      { header: true, columns: ['customer_id', 'segment_id', 'segment_name'] },
    ),
  );
  writeFileSync(json, `${JSON.stringify(summary, null, 2)}\n`);
  return { csv, json };
}

/** The run in words: the k report and one line per segment. */
export function formatSegmentation(seg: Segmentation): string {
  const pct = (v: number | null) => (v === null ? 'n/a' : `${(100 * v).toFixed(1)} %`);
  const lines = [
    `${seg.customers} customers active on ${seg.snapshot_date}, ${seg.features.length} behaviour features, seed ${seg.seed}`,
    '',
    'k   inertia        silhouette',
    ...seg.report.map(
      (r) =>
        `${String(r.k).padEnd(3)} ${r.inertia.toFixed(1).padStart(12)}   ${r.silhouette === null ? 'n/a' : r.silhouette.toFixed(3)}`,
    ),
    '',
    `k = ${seg.k} segments (churn rate: ${seg.churn_rate_source}${seg.churn_rate_source === 'predicted' ? ' — labels not mature yet' : ''}):`,
    ...seg.segments.map(
      (s) =>
        `  ${s.id}  ${s.name.padEnd(24)} ${String(s.size).padStart(7)} (${pct(s.share)})  churn ${pct(s.churn_rate)}  revenue ${s.revenue.toFixed(0)}/month\n` +
        `      ${s.traits.join('; ')}`,
    ),
  ];
  return lines.join('\n');
}
