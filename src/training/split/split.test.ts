import { describe, expect, it } from 'vitest';
import type { TrainingSet } from '../../features/index.js';
import { stratifiedFolds, stratifiedSample } from './stratified.js';
import { timeSplit } from './time-split.js';

describe('stratified row sets', () => {
  const y = Uint8Array.from({ length: 103 }, (_, i) => (i % 10 === 0 ? 1 : 0)); // 11 churners, 92 others

  it('deals each class round-robin into k folds that partition the rows, the same for the same seed', () => {
    const folds = stratifiedFolds(y, 5, 3);
    const churners = folds.map((f) => f.holdout.filter((i) => y[i] === 1).length);
    expect(churners.sort()).toEqual([2, 2, 2, 2, 3]);
    expect(folds.map((f) => f.holdout.length).reduce((a, b) => a + b, 0)).toBe(103);
    expect(new Set(folds.flatMap((f) => Array.from(f.holdout))).size).toBe(103);
    for (const f of folds) expect(f.fit.length + f.holdout.length).toBe(103);
    expect(stratifiedFolds(y, 5, 3)).toEqual(folds);
    expect(stratifiedFolds(y, 5, 4)).not.toEqual(folds);
  });

  it('samples at most cap rows keeping the churn rate, in row order', () => {
    const rows = Int32Array.from({ length: 103 }, (_, i) => i);
    const s = stratifiedSample(y, rows, 50, 1);
    expect(s.length).toBe(50); // round(11·50/103) = 5 churners + round(92·50/103) = 45 others
    expect(s.filter((i) => y[i] === 1).length).toBe(5);
    expect(Array.from(s)).toEqual([...s].sort((a, b) => a - b));
    expect(stratifiedSample(y, rows, 500, 1)).toBe(rows);
  });
});

function set(cutoffs: string[], validation: string[], horizonDays = 30): TrainingSet {
  const rowsPer = 4;
  const cutoff = cutoffs.flatMap((c) => Array<string>(rowsPer).fill(c));
  return {
    horizonDays,
    newestDate: '2026-01-31',
    frame: { nRows: cutoff.length, customerId: cutoff.map((_, i) => `c${i % rowsPer}`), cutoff, columns: {} },
    label: Uint8Array.from(cutoff, (_, i) => (i % 2 ? 1 : 0)),
    isValidation: Uint8Array.from(cutoff, (c) => (validation.includes(c) ? 1 : 0)),
    cutoffs: [],
  };
}

describe('time-ordered splits', () => {
  it('holds out the latest training cutoff for the search and never touches the validation cutoff', () => {
    const s = timeSplit(set(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30'], ['2025-04-30']), 1);
    expect(s.innerCutoffs).toEqual({ fit: ['2025-01-31', '2025-02-28'], score: ['2025-03-31'] });
    expect(Array.from(s.validation)).toEqual([12, 13, 14, 15]);
    expect(Array.from(s.innerScore)).toEqual([8, 9, 10, 11]);
    expect(s.train.length).toBe(12);
  });

  it('purges inner-fit cutoffs whose labels reach into the inner validation cutoff', () => {
    const s = timeSplit(set(['2025-01-15', '2025-01-31', '2025-02-28', '2025-04-30'], ['2025-04-30']), 1);
    // 2025-01-31 + 30 days = 2025-03-02, after the inner validation cutoff 2025-02-28: purged from the inner fit.
    expect(s.innerCutoffs).toEqual({ fit: ['2025-01-15'], score: ['2025-02-28'] });
  });

  it('refuses a training set whose training labels end after the validation cutoff (CHURN_ERR_LEAKAGE)', () => {
    expect(() => timeSplit(set(['2025-01-31', '2025-02-15', '2025-02-28'], ['2025-02-28']), 1)).toThrow(
      expect.objectContaining({
        code: 'CHURN_ERR_LEAKAGE',
        context: { cutoff: '2025-01-31', validationCutoff: '2025-02-28', horizonDays: 30 }, // + 30 days = 2025-03-02
      }),
    );
  });
});
