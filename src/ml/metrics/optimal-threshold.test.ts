import { describe, expect, it } from 'vitest';
import { rng } from '../random.js';
import { thresholdMetrics } from './confusion.js';
import { liftTable } from './lift.js';
import { costOptimalThreshold, f1OptimalThreshold } from './optimal-threshold.js';
import { scanCostThreshold, scanF1Threshold } from './oracles.js';

function tiedSample(seed: number, n: number, levels: number) {
  const r = rng(seed);
  const y = Uint8Array.from({ length: n }, () => (r() < 0.25 ? 1 : 0));
  y[0] = 1;
  const s = Float64Array.from(y, (v) => Math.floor((r() * 0.8 + v * 0.2) * levels) / levels);
  return { y, s, r };
}

describe('f1OptimalThreshold', () => {
  it('equals the exhaustive scan over every distinct score on random inputs with many ties', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const { y, s } = tiedSample(seed, 10 + seed * 5, 2 + (seed % 13));
      const fast = f1OptimalThreshold(y, s);
      const scan = scanF1Threshold(y, s);
      // Both divide the same integer counts: equal exactly, threshold included (highest wins on ties).
      expect(fast.threshold).toBe(scan.threshold);
      expect(fast.f1).toBe(scan.f1);
    }
  });

  it('returns a threshold that reproduces its F1 when applied as score >= threshold', () => {
    const { y, s } = tiedSample(7, 300, 20);
    const best = f1OptimalThreshold(y, s);
    const at = thresholdMetrics(y, s, best.threshold);
    expect(at.f1).toBe(best.f1);
    expect(at.precision).toBe(best.precision);
    expect(at.recall).toBe(best.recall);
  });

  it('prefers the higher threshold when two give the same F1', () => {
    // t = 0.8 flags {+}: F1 = 2/3; t = 0.4 flags {+, −, +}: F1 = 2·2/(2·2+1+0) = 0.8; t = 0.2 flags all: 2·2/(4+2) = ⅔.
    expect(f1OptimalThreshold([1, 0, 1, 0], [0.8, 0.4, 0.4, 0.2])).toMatchObject({ threshold: 0.4, f1: 0.8 });
    // t = 0.9 and t = 0.1 both give F1 = ⅔ here; the higher one wins.
    expect(f1OptimalThreshold([1, 0, 0], [0.9, 0.1, 0.1]).threshold).toBe(0.9);
  });
});

describe('costOptimalThreshold', () => {
  it('equals the exhaustive scan on random integer benefits and costs with ties', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { y, s, r } = tiedSample(seed, 15 + seed * 4, 2 + (seed % 11));
      const benefit = Float64Array.from(y, () => Math.floor(r() * 200));
      const cost = Float64Array.from(y, () => Math.floor(r() * 60));
      const fast = costOptimalThreshold(y, s, benefit, cost);
      const scan = scanCostThreshold(y, s, benefit, cost);
      expect(fast.threshold).toBe(scan.threshold);
      expect(fast.netValue).toBe(scan.netValue);
    }
  });

  it('targets nobody when every prefix loses money, and counts the targeted rows otherwise', () => {
    expect(costOptimalThreshold([0, 1], [0.9, 0.1], [100, 5], [10, 10])).toEqual({
      threshold: Number.POSITIVE_INFINITY,
      netValue: 0,
      targeted: 0,
    });
    expect(costOptimalThreshold([1, 0, 1], [0.9, 0.5, 0.5], [100, 0, 100], [10, 10, 10])).toEqual({
      threshold: 0.5,
      netValue: 170,
      targeted: 3,
    });
  });
});

describe('liftTable', () => {
  it('computes deciles, lift and capture on a hand-checked ranking', () => {
    // 20 rows, scores 20..1; positives at ranks 1, 2, 3 and 11: top decile (2 rows) holds 2 of 4 positives.
    const s = Array.from({ length: 20 }, (_, i) => 20 - i);
    const y = s.map((_, i) => (i < 3 || i === 10 ? 1 : 0));
    const t = liftTable(y, s);
    expect(t.groups).toHaveLength(10);
    expect(t.topGroupCapture).toBe(0.5);
    expect(t.topGroupLift).toBe(5); // rate 1 over base rate 0.2
    expect(t.groups[1]).toMatchObject({ rows: 2, positives: 1, lift: 2.5, cumulativeCapture: 0.75 });
    expect(t.groups[9].cumulativeCapture).toBe(1);
  });

  it('shares tied positives pro rata across a boundary, so the table does not depend on row order', () => {
    // 4 rows all tied, 2 positives, 2 groups: each group gets 1 positive whatever the order.
    expect(liftTable([1, 1, 0, 0], [0.5, 0.5, 0.5, 0.5], 2).groups.map((g) => g.positives)).toEqual([1, 1]);
    expect(liftTable([0, 0, 1, 1], [0.5, 0.5, 0.5, 0.5], 2).groups.map((g) => g.positives)).toEqual([1, 1]);
  });

  it('splits n rows into groups of ⌊n/g⌋ or ⌈n/g⌉', () => {
    const y = Array.from({ length: 23 }, (_, i) => i % 2);
    expect(
      liftTable(
        y,
        y.map((_, i) => i),
      ).groups.map((g) => g.rows),
    ).toEqual([3, 2, 2, 3, 2, 2, 3, 2, 2, 2]);
  });
});
