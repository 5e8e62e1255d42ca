import { describe, expect, it } from 'vitest';
import { categoricalPsi, driftClass, driftVerdict, numericPsi, psi, UNSEEN_LEVEL } from './index.js';

// Expected values are worked out by hand from PSI = Σ (a − e)·ln(a/e) with shares floored at ε = 1e-4.
describe('PSI', () => {
  it('equals the hand-computed value on two bins', () => {
    // (0.25 − 0.5)·ln(0.5) + (0.75 − 0.5)·ln(1.5)
    expect(psi([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(0.2746530721670274, 12);
  });

  it('scores an empty bin through the epsilon rule instead of Infinity', () => {
    // (1 − 0.5)·ln(1/0.5) + (1e-4 − 0.5)·ln(1e-4/0.5)
    expect(psi([0.5, 0.5], [1, 0])).toBeCloseTo(4.60431846666895, 12);
  });

  it('is zero for identical distributions', () => {
    expect(psi([0.1, 0.2, 0.7], [0.1, 0.2, 0.7])).toBe(0);
  });
});

describe('numeric PSI over stored reference bins', () => {
  const ref = { edges: [10, 20], shares: [0.25, 0.5, 0.25], missingShare: 0.2 };

  it('is zero when the current data fills the bins exactly as the reference, missing values included', () => {
    // bins (−∞,10), [10,20), [20,∞), missing → expected 0.2, 0.4, 0.2, 0.2 of all rows
    const r = numericPsi(ref, Float64Array.from([5, 10, 15, 25, Number.NaN]));
    expect(r.bins.map((b) => [b.label, b.expected, b.actual])).toEqual([
      ['< 10', 0.2, 0.2],
      ['[10, 20)', 0.4, 0.4],
      ['≥ 20', 0.2, 0.2],
      ['missing', 0.2, 0.2],
    ]);
    expect(r.psi).toBe(0);
  });

  it('puts a value equal to an edge in the bin above (lower edge inclusive)', () => {
    expect(numericPsi(ref, Float64Array.from([10, 20])).bins.map((b) => b.actual)).toEqual([0, 0.5, 0.5, 0]);
  });

  it('handles current data collapsing into one bin, with empty bins on the current side', () => {
    // (1 − 0.2)·ln(1/0.2) + (ε − 0.4)·ln(ε/0.4) + 2·(ε − 0.2)·ln(ε/0.2)
    expect(numericPsi(ref, Float64Array.from([1, 2, 3, 4, 5])).psi).toBeCloseTo(7.643181584349007, 10);
  });
});

describe('categorical PSI', () => {
  it('pools unseen categories into one bin scored through epsilon, and counts missing as a bin', () => {
    const ref = {
      levels: [
        { value: 'A', share: 0.5 },
        { value: 'B', share: 0.5 },
      ],
      missingShare: 0,
    };
    const r = categoricalPsi(ref, ['A', 'A', 'C', null]);
    expect(r.bins.map((b) => [b.label, b.expected, b.actual])).toEqual([
      ['A', 0.5, 0.5],
      ['B', 0.5, 0],
      [UNSEEN_LEVEL, 0, 0.25],
      ['missing', 0, 0.25],
    ]);
    // 0 + (ε − 0.5)·ln(ε/0.5) + 2·(0.25 − ε)·ln(0.25/ε)
    expect(r.psi).toBeCloseTo(8.168203072614952, 10);
  });
});

describe('drift classes and the one verdict', () => {
  it('classes PSI < 0.1 stable, 0.1–0.2 moderate, > 0.2 drift, with configurable bounds', () => {
    expect([0.05, 0.1, 0.2, 0.2001].map((v) => driftClass(v))).toEqual(['stable', 'moderate', 'moderate', 'drift']);
    expect(driftClass(0.15, { moderate: 0.05, drift: 0.12 })).toBe('drift');
  });

  it('calls the dataset drifted when the score drifts, moderate when only a few features drift', () => {
    const features = [
      { feature: 'total_crashes_30d', psi: 0.9 },
      { feature: 'monthly_price', psi: 0.01 },
      { feature: 'total_sessions_30d', psi: 0.02 },
      { feature: 'failed_payments_30d', psi: 0.03 },
      { feature: 'support_tickets_30d', psi: 0.05 },
    ];
    const calm = driftVerdict({ psi: 0.05 }, features);
    expect(calm.dataset).toBe('moderate');
    expect(calm.drifted).toEqual(['total_crashes_30d']);
    expect(calm.features[0]).toEqual({ feature: 'total_crashes_30d', psi: 0.9, class: 'drift' });
    expect(driftVerdict({ psi: 0.3 }, features).dataset).toBe('drift');
    expect(driftVerdict({ psi: 0.05 }, features, { datasetShare: 0.2 }).dataset).toBe('drift');
    expect(driftVerdict({ psi: 0.01 }, features.slice(1)).dataset).toBe('stable');
  });
});
