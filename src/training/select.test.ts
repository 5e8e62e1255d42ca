import { describe, expect, it } from 'vitest';
import type { Metrics } from '../registry/index.js';
import { selectCandidate } from './select.js';

const m = (prAuc: number | null): Metrics => ({
  rocAuc: 0.8,
  prAuc,
  precision: null,
  recall: null,
  f1: null,
  accuracy: null,
  brier: null,
  logLoss: null,
  topDecileLift: null,
  topDecileCapture: null,
  threshold: 0.5,
  confusion: { tp: 0, fp: 0, tn: 0, fn: 0 },
});

describe('model selection', () => {
  it('takes the highest validation PR-AUC', () => {
    const r = selectCandidate([
      { family: 'logistic', metrics: m(0.25) },
      { family: 'hist_boosting', metrics: m(0.3) },
    ]);
    expect(r.family).toBe('hist_boosting');
    expect(r.selection).toMatchObject({ metric: 'prAuc', chosen: 'Histogram boosting' });
    expect(r.selection.reason).toBe(
      'Histogram boosting has the highest out-of-time validation PR-AUC (0.3000); next best Logistic regression (0.2500)',
    );
  });

  it('gives a tie within 0.002 to the simpler model, whatever the order of the candidates', () => {
    const r = selectCandidate([
      { family: 'hist_boosting', metrics: m(0.3) },
      { family: 'gradient_boosting', metrics: m(0.2985) },
      { family: 'random_forest', metrics: m(0.2979) },
    ]);
    expect(r.family).toBe('gradient_boosting');
    expect(r.selection.reason).toContain('within 0.002 and simpler');
  });

  it('never picks a candidate without a PR-AUC while another has one', () => {
    expect(
      selectCandidate([
        { family: 'logistic', metrics: m(null) },
        { family: 'random_forest', metrics: m(0.01) },
      ]).family,
    ).toBe('random_forest');
  });
});
