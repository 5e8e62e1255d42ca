import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScoredProject, scoredProject } from '../testing/scored-project.test-helpers.js';
import { nameSegments } from './name-segments.js';
import { segmentSnapshot } from './segment-snapshot.js';
import { latestSegmentation, latestSegmentNames, saveSegmentation } from './segment-store.js';

let p: ScoredProject;
beforeAll(async () => {
  p = await scoredProject();
}, 120_000);
afterAll(async () => p?.store.close());

describe('segmentSnapshot on a scored generated business', () => {
  it('gives the same segments, names and ids on a re-run with the same seed', async () => {
    const a = await segmentSnapshot(p.store, { k: 4, seed: 7, reportKs: [2, 4] });
    const b = await segmentSnapshot(p.store, { k: 4, seed: 7, reportKs: [2, 4] });
    expect(a.assignments).toEqual(b.assignments);
    expect(a.segments).toEqual(b.segments);
    expect(a.customers).toBe(p.scored);
    expect(a.segments.map((s) => s.id)).toEqual([0, 1, 2, 3]);
    expect(a.segments.reduce((s, x) => s + x.size, 0)).toBe(p.scored);
    // Ids follow size (largest first) and every customer carries its segment's name.
    for (let i = 1; i < 4; i++) expect(a.segments[i - 1].size).toBeGreaterThanOrEqual(a.segments[i].size);
    const nameOf = new Map(a.segments.map((s) => [s.id, s.name]));
    for (const x of a.assignments) expect(x.segmentName).toBe(nameOf.get(x.segmentId));
  });

  it('uses predicted churn at the newest date (labels immature) and names segments by the documented rule', async () => {
    const seg = await segmentSnapshot(p.store, { k: 4, seed: 7, reportKs: [4] });
    expect(seg.churn_rate_source).toBe('predicted');
    expect(seg.snapshot_date).toBe(p.snapshotDate);
    // The names are exactly what nameSegments reads from the same centroids (z-scores) and churn rates.
    const mean = seg.segments.reduce((s, x) => s + x.size * (x.churn_rate ?? 0), 0) / seg.customers;
    expect(mean).toBeGreaterThan(0);
    expect(new Set(seg.segments.map((s) => s.name)).size).toBe(4);
    const again = nameSegments(
      seg.segments.map((s) => ({ cluster: s.id, size: s.size, churnRate: s.churn_rate ?? 0, centroid: s.centroid })),
    );
    expect(again.map((s) => s.name)).toEqual(seg.segments.map((s) => s.name));
    expect(seg.report).toHaveLength(1);
    expect(seg.report[0].silhouette).toBeGreaterThan(-1);
  });

  it('stores a run that the API and scoring can read back', async () => {
    const seg = await segmentSnapshot(p.store, { k: 3, seed: 1, reportKs: [3] });
    const saved = await saveSegmentation(p.store, seg, new Date('2030-01-01T00:00:00Z'));
    const latest = await latestSegmentation(p.store);
    expect(latest?.run_id).toBe(saved.run_id);
    expect(latest?.segments).toEqual(seg.segments);
    const names = await latestSegmentNames(p.store);
    expect(names.size).toBe(seg.customers);
    expect(names.get(seg.assignments[0].customerId)).toBe(seg.assignments[0].segmentName);
  });
});
