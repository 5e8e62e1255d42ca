import { describe, expect, it } from 'vitest';
import { evaluateAt } from './metrics.js';
import { tuneThreshold } from './threshold.js';

const economics = { contactCost: 10, monthsSaved: 6, uplift: 0.5 };

describe('validation metrics', () => {
  it('computes the threshold metrics at p ≥ threshold and the top-decile lift by hand', () => {
    const y = Uint8Array.from([1, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
    const p = Float64Array.from([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05]);
    const m = evaluateAt(y, p, 0.6);
    expect(m.confusion).toEqual({ tp: 3, fp: 1, tn: 6, fn: 0 });
    expect([m.precision, m.recall, m.f1, m.accuracy]).toEqual([0.75, 1, 6 / 7, 0.9]);
    // Top 10 % = the 0.9 row, a churner: rate 1 against 0.3 overall.
    expect(m.topDecileLift).toBeCloseTo(1 / 0.3, 12);
    expect(m.topDecileCapture).toBeCloseTo(1 / 3, 12);
    expect(m.rocAuc).toBeCloseTo(20 / 21, 12);
  });

  it('reports undefined metrics as null, never NaN', () => {
    const m = evaluateAt(Uint8Array.from([0, 0, 0]), Float64Array.from([0.1, 0.2, 0.3]), 0.5);
    expect([m.rocAuc, m.prAuc, m.precision, m.recall, m.f1, m.topDecileLift]).toEqual([null, null, null, null, null, null]);
    expect(m.accuracy).toBe(1);
  });
});

describe('threshold tuning', () => {
  const y = Uint8Array.from([1, 0, 1, 0, 0]);
  const p = Float64Array.from([0.9, 0.8, 0.7, 0.2, 0.1]);

  it('picks the F1-optimal score and says where it was tuned', () => {
    const t = tuneThreshold('f1', { y, p, source: 'inner validation' }, economics);
    expect(t).toEqual({ value: 0.7, rule: 'f1', details: { tunedOn: 'inner validation', f1: 0.8, precision: 2 / 3, recall: 1 } });
  });

  it('maximises revenue saved minus contact cost per customer', () => {
    // Benefit of a retained churner = revenue × 6 × 0.5. Contacting down to 0.7: 3·40 + 3·10 − 30 = 120; down to 0.9: 30 − 10 = 20.
    const revenue = Float64Array.from([10, 50, 40, 50, 50]);
    const t = tuneThreshold('cost', { y, p, monthlyRevenue: revenue, source: 'inner validation' }, economics);
    expect(t.value).toBe(0.7);
    expect(t.details).toMatchObject({ netValue: 120, targeted: 3 });
  });

  it('flags nobody (threshold 1) when no contact pays for itself', () => {
    const t = tuneThreshold('cost', { y, p, monthlyRevenue: new Float64Array(5).fill(1), source: 'x' }, economics);
    expect(t.value).toBe(1);
    expect(t.details).toMatchObject({ netValue: 0, targeted: 0 });
  });
});
