import { describe, expect, it } from 'vitest';
import { nameSegments } from './name-segments.js';
import { orderSegments, relabel } from './order-segments.js';
import { type SegmentInput, segmentInputsFromClusters } from './segment-input.js';
import { centroidSignals } from './signals.js';

const features = [
  'total_sessions_30d',
  'avg_session_minutes_30d',
  'sessions_trend_30d',
  'days_since_last_activity',
  'failed_payments_30d',
  'support_tickets_30d',
  'total_crashes_30d',
  'tenure_days',
  'discount_pct',
];
const zero = Object.fromEntries(features.map((f) => [f, 0]));
const seg = (cluster: number, size: number, churnRate: number, z: Record<string, number>): SegmentInput => ({
  cluster,
  size,
  churnRate,
  centroid: { ...zero, ...z },
});

// Overall churn = (400·0.02 + 100·0.3 + 150·0.2 + 200·0.1 + 150·0.08) / 1000 = 0.1.
const fixture = [
  seg(3, 400, 0.02, {
    total_sessions_30d: 1.2,
    avg_session_minutes_30d: 1.0,
    sessions_trend_30d: 0.2,
    days_since_last_activity: -0.6,
    tenure_days: 0.8,
  }),
  seg(0, 100, 0.3, { failed_payments_30d: 2.0 }),
  seg(1, 150, 0.2, {
    total_sessions_30d: -0.8,
    avg_session_minutes_30d: -0.6,
    sessions_trend_30d: -1.2,
    days_since_last_activity: 1.4,
  }),
  seg(4, 200, 0.1, { tenure_days: -1.1, total_sessions_30d: 0.1 }),
  seg(2, 150, 0.08, { support_tickets_30d: 0.2, total_crashes_30d: 0.1 }),
];

describe('centroidSignals', () => {
  it('averages the signed z-scores of each family', () => {
    // fading = mean(−trend, +recency) = mean(1.2, 1.4); engagement = mean(−0.8, −0.6).
    const s = centroidSignals(fixture[2].centroid);
    expect(s.fading).toBeCloseTo(1.3, 12);
    expect(s.engagement).toBeCloseTo(-0.7, 12);
    expect(s.billing).toBe(0);
    expect(centroidSignals({ region_north: 1 })).toEqual({});
  });
});

describe('nameSegments derives names from centroids', () => {
  const named = nameSegments(fixture);

  it('names each segment by its strongest behaviour family', () => {
    expect(named.map((s) => [s.segmentId, s.cluster, s.name])).toEqual([
      [0, 3, 'engaged loyalists'],
      [1, 4, 'new & exploring'],
      [2, 1, 'fading viewers'],
      [3, 2, 'steady mainstream'],
      [4, 0, 'billing-troubled'],
    ]);
  });

  it('orders ids by size, equal sizes by centroid', () => {
    // Clusters 1 and 2 both have 150 customers; cluster 1's first differing feature (avg_session_minutes_30d) is lower.
    expect([...orderSegments(fixture).entries()].sort((a, b) => a[0] - b[0])).toEqual([
      [0, 4],
      [1, 2],
      [2, 3],
      [3, 0],
      [4, 1],
    ]);
  });

  it('reports share, churn, traits and the reason for the name', () => {
    const billing = named[4];
    expect(billing.share).toBeCloseTo(0.1, 15);
    expect(billing.churnRate).toBe(0.3);
    expect(billing.traits[0]).toBe('failed payments (last 30 days) +2.0 σ');
    expect(billing.rationale).toBe('failed payments above average: billing signal +2.0 σ (threshold ±0.5 σ)');
    expect(named[3].rationale).toBe('no behaviour family beyond ±0.5 σ from average');
  });

  it('gives the same ids and names whatever numbers k-means gave the clusters', () => {
    const renumbered = fixture.map((s) => ({ ...s, cluster: (s.cluster + 2) % 5 }));
    expect(nameSegments(renumbered).map((s) => [s.segmentId, s.name])).toEqual(named.map((s) => [s.segmentId, s.name]));
    expect(nameSegments([...fixture].reverse()).map((s) => s.name)).toEqual(named.map((s) => s.name));
  });
});

describe('nameSegments keeps names unique', () => {
  it('numbers a second segment of the same kind in order of fit', () => {
    const named = nameSegments([
      seg(0, 100, 0.3, { failed_payments_30d: 1.0 }),
      seg(1, 100, 0.3, { failed_payments_30d: 2.0 }),
      seg(2, 100, 0.3, { failed_payments_30d: 1.5 }),
    ]);
    const byCluster = Object.fromEntries(named.map((s) => [s.cluster, s.name]));
    expect(byCluster).toEqual({ 0: 'billing-troubled 3', 1: 'billing-troubled', 2: 'billing-troubled 2' });
  });

  it('gives the weaker segment its next-best name when one is free', () => {
    const named = nameSegments([
      seg(0, 100, 0.3, { failed_payments_30d: 2.0 }),
      seg(1, 100, 0.3, { failed_payments_30d: 1.5, support_tickets_30d: 1.6, total_crashes_30d: 0.8 }),
    ]);
    // Segment 1's support signal (1.2) is below its billing signal (1.5), but billing-troubled fits segment 0 better (2.0).
    expect(Object.fromEntries(named.map((s) => [s.cluster, s.name]))).toEqual({ 0: 'billing-troubled', 1: 'support-heavy' });
  });

  it('calls heavy users with above-average churn "at risk", not loyalists', () => {
    const named = nameSegments([
      seg(0, 100, 0.05, {}),
      seg(1, 100, 0.4, { total_sessions_30d: 1.5, avg_session_minutes_30d: 1.5 }),
    ]);
    expect(named.map((s) => s.name)).toEqual(['steady mainstream', 'heavy users at risk']);
  });

  it('numbers the mainstream name too when several segments have no distinct behaviour', () => {
    expect(nameSegments([seg(0, 100, 0.1, {}), seg(1, 90, 0.1, { tenure_days: 0.2 })]).map((s) => s.name)).toEqual([
      'steady mainstream',
      'steady mainstream 2',
    ]);
  });

  it('uses the threshold option', () => {
    const weak = [seg(0, 100, 0.1, { tenure_days: -0.4 }), seg(1, 50, 0.1, {})];
    expect(nameSegments(weak)[0].name).toBe('steady mainstream');
    expect(nameSegments(weak, { threshold: 0.3 })[0].name).toBe('new & exploring');
  });
});

describe('segmentInputsFromClusters and relabel', () => {
  it('builds sizes, churn rates and named centroids from a k-means result', () => {
    const inputs = segmentInputsFromClusters({
      k: 2,
      featureNames: ['failed_payments_30d', 'tenure_days'],
      centroids: [2, 0, -0.5, 0.1],
      labels: [0, 1, 1, 1],
      churn: [1, 0, 1, 0],
    });
    expect(inputs).toEqual([
      { cluster: 0, size: 1, churnRate: 1, centroid: { failed_payments_30d: 2, tenure_days: 0 } },
      { cluster: 1, size: 3, churnRate: 1 / 3, centroid: { failed_payments_30d: -0.5, tenure_days: 0.1 } },
    ]);
    expect(Array.from(relabel([0, 1, 1, 1], orderSegments(inputs)))).toEqual([1, 0, 0, 0]);
  });

  it('refuses shapes that do not fit, naming the counts', () => {
    expect(() => segmentInputsFromClusters({ k: 2, featureNames: ['a'], centroids: [1], labels: [0], churn: [0] })).toThrow(
      /Expected 2 × 1 centroid values/,
    );
    expect(() => segmentInputsFromClusters({ k: 1, featureNames: ['a'], centroids: [1], labels: [3], churn: [0] })).toThrow(
      'Row 0 has cluster label 3, outside 0..0',
    );
    expect(() => relabel([5], new Map([[0, 0]]))).toThrow('Row 0 has cluster label 5, which is not a known cluster');
  });
});
