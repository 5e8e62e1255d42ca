import { describe, expect, it } from 'vitest';
import { resolveRiskCuts } from './risk-cuts.js';

describe('risk cuts', () => {
  it('auto cuts are 1×, 2× and 4× the base rate for a low-churn business', () => {
    expect(resolveRiskCuts('auto', 0.04)).toEqual([0.04, 0.08, 0.16]);
  });

  it('auto cuts stay increasing and below 1 for a high-churn table', () => {
    expect(resolveRiskCuts('auto', 0.2654)).toEqual([0.265, 0.531, 0.816]);
    expect(resolveRiskCuts('auto', 0.9)).toEqual([0.9, 0.95, 0.975]);
  });

  it('fixed cuts from configuration are used as given', () => {
    expect(resolveRiskCuts([0.25, 0.5, 0.75], 0.04)).toEqual([0.25, 0.5, 0.75]);
  });
});
