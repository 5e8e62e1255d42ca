import { describe, expect, it } from 'vitest';
import { downsampleCurve } from './curve-sampling.js';
import { classify, riskBucketOf } from './decision.js';

const buckets = { cuts: [0.25, 0.5, 0.75], labels: ['Low', 'Medium', 'High', 'Very High'] };

describe('decision and risk bucket', () => {
  it('puts each cut point in the higher bucket (lower bound inclusive)', () => {
    expect([0, 0.2499, 0.25, 0.5, 0.7499, 0.75, 1].map((p) => riskBucketOf(buckets, p))).toEqual([
      'Low',
      'Low',
      'Medium',
      'High',
      'High',
      'Very High',
      'Very High',
    ]);
  });

  it("decides churn at or above the model's own threshold, not 0.5", () => {
    const model = { threshold: { value: 0.31 }, riskBuckets: buckets };
    expect(classify(model, 0.31)).toEqual({ decision: 1, riskBucket: 'Medium' });
    expect(classify(model, 0.3099)).toEqual({ decision: 0, riskBucket: 'Medium' });
  });
});

describe('curve downsampling', () => {
  it('keeps short curves whole (rounded to 5 decimals)', () => {
    expect(downsampleCurve({ x: [0, 0.123456789, 1], y: [0, 0.5, 1] })).toEqual({ x: [0, 0.12346, 1], y: [0, 0.5, 1] });
  });

  it('keeps at most maxPoints points including both ends, in order', () => {
    const n = 10_001;
    const x = Array.from({ length: n }, (_, i) => i / (n - 1));
    const y = x.map((v) => Math.sqrt(v));
    const d = downsampleCurve({ x, y }, 50);
    expect(d.x.length).toBeLessThanOrEqual(50);
    expect(d.x.length).toBeGreaterThan(45);
    expect([d.x[0], d.y[0], d.x.at(-1), d.y.at(-1)]).toEqual([0, 0, 1, 1]);
    for (let i = 1; i < d.x.length; i++) expect(d.x[i]).toBeGreaterThan(d.x[i - 1]);
  });
});
