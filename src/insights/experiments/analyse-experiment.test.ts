import { describe, expect, it } from 'vitest';
import { analyseExperiment } from './analyse-experiment.js';

const close = (actual: number, expected: number, tol = 1e-12) => expect(Math.abs(actual - expected)).toBeLessThan(tol);

describe('analyseExperiment on textbook examples', () => {
  it('reproduces Newcombe (1998), example (a): 56/70 vs 48/80', () => {
    const a = analyseExperiment({ treatment: { n: 70, retained: 56 }, control: { n: 80, retained: 48 } });
    close(a.absoluteLift, 0.2);
    // Published to 4 decimals: Wald (method 1) 0.0575 to 0.3425; hybrid score (method 10) 0.0524 to 0.3339.
    expect([a.interval.lower, a.interval.upper].map((x) => x.toFixed(4))).toEqual(['0.0575', '0.3425']);
    expect([a.newcombeInterval.lower, a.newcombeInterval.upper].map((x) => x.toFixed(4))).toEqual(['0.0524', '0.3339']);
    // Pearson χ² without continuity correction (scipy.stats.chi2_contingency) = 7.023411371237456 = z², p = 0.008045081368196585.
    close(a.z * a.z, 7.023411371237456, 1e-12);
    close(a.pValue, 0.008045081368196585, 1e-15);
    expect(a.verdict).toBe('treatment_better');
  });

  it('reproduces Newcombe (1998), example (c): 9/10 vs 3/10', () => {
    const a = analyseExperiment({ treatment: { n: 10, retained: 9 }, control: { n: 10, retained: 3 } });
    expect([a.newcombeInterval.lower, a.newcombeInterval.upper].map((x) => x.toFixed(4))).toEqual(['0.1705', '0.8090']);
  });
});

describe('analyseExperiment against the formulas', () => {
  const a = analyseExperiment({ treatment: { n: 1000, retained: 850 }, control: { n: 1000, retained: 800 } });

  it('computes rates, lifts and churn reduction', () => {
    expect(a.treatment).toMatchObject({ n: 1000, retained: 850, churned: 150 });
    close(a.treatment.retentionRate, 0.85);
    close(a.control.churnRate, 0.2);
    close(a.absoluteLift, 0.05);
    close(a.relativeLift ?? Number.NaN, 0.0625); // 0.05 / 0.8
    close(a.churnReduction ?? Number.NaN, 0.25); // (0.20 − 0.15) / 0.20
  });

  it('matches the z-test and intervals worked out from their formulas', () => {
    const pooled = 1650 / 2000;
    const z = 0.05 / Math.sqrt(pooled * (1 - pooled) * (2 / 1000));
    close(a.z, z);
    close(a.z, 2.942449431682494, 1e-12); // SciPy/NumPy value of the same formula
    close(a.pValue, 0.0032562696284121158, 1e-16); // 2 · norm.sf(z) from SciPy
    const zc = 1.959963984540054;
    const half = zc * Math.sqrt((0.85 * 0.15) / 1000 + (0.8 * 0.2) / 1000);
    close(a.interval.lower, 0.05 - half);
    close(a.interval.upper, 0.05 + half);
    close(a.newcombeInterval.lower, 0.016701054306740383);
    close(a.newcombeInterval.upper, 0.08322670331739662);
    close(a.treatment.retentionInterval.lower, 0.8265313415731996);
    close(a.control.retentionInterval.upper, 0.8236229095568015);
  });

  it('says it in plain words', () => {
    expect(a.summary).toBe(
      'Treatment retained 85.0 % of 1000 customers, control 80.0 % of 1000: +5.0 percentage points (95 % CI +1.7 to +8.3), p = 0.003. The action improves retention, cutting churn by 25.0 %.',
    );
  });

  it('uses the critical value of the confidence asked for', () => {
    const b = analyseExperiment(
      { treatment: { n: 1000, retained: 850 }, control: { n: 1000, retained: 800 } },
      { confidence: 0.9 },
    );
    const half = 1.6448536269514722 * Math.sqrt((0.85 * 0.15) / 1000 + (0.8 * 0.2) / 1000);
    close(b.interval.upper - b.interval.lower, 2 * half);
    expect(b.summary).toContain('(90 % CI');
  });
});

describe('analyseExperiment verdicts and edge cases', () => {
  it('calls a small difference inconclusive and shows what the data still allow', () => {
    const a = analyseExperiment({ treatment: { n: 200, retained: 162 }, control: { n: 200, retained: 160 } });
    expect(a.verdict).toBe('inconclusive');
    expect(a.summary).toMatch(
      /No significant difference at the 5 % level; the data still allow effects from −[\d.]+ to \+[\d.]+ points/,
    );
  });

  it('flags an action that lowers retention', () => {
    const a = analyseExperiment({ treatment: { n: 1000, retained: 780 }, control: { n: 1000, retained: 840 } });
    expect(a.verdict).toBe('treatment_worse');
    expect(a.summary).toContain('The action lowers retention');
  });

  it('keeps Newcombe inside [−1, 1] where Wald collapses: 5/5 vs 0/5', () => {
    const a = analyseExperiment({ treatment: { n: 5, retained: 5 }, control: { n: 5, retained: 0 } });
    expect([a.interval.lower, a.interval.upper]).toEqual([1, 1]);
    close(a.newcombeInterval.lower, 0.38554900569034356);
    close(a.newcombeInterval.upper, 1);
    close(a.pValue, 0.001565402258002548, 1e-15);
    expect(a.relativeLift).toBeNull();
  });

  it('returns z = 0 and p = 1 when both arms retained everyone', () => {
    const a = analyseExperiment({ treatment: { n: 10, retained: 10 }, control: { n: 12, retained: 12 } });
    expect([a.z, a.pValue, a.verdict, a.churnReduction]).toEqual([0, 1, 'inconclusive', null]);
  });

  it('rejects impossible counts and confidence levels, naming the field', () => {
    expect(() => analyseExperiment({ treatment: { n: 10, retained: 11 }, control: { n: 10, retained: 5 } })).toThrow(
      'treatment.retained must be an integer in [0, 10], got 11',
    );
    expect(() => analyseExperiment({ treatment: { n: 10, retained: 1 }, control: { n: 0, retained: 0 } })).toThrow(
      'control.n must be an integer ≥ 1, got 0',
    );
    expect(() =>
      analyseExperiment({ treatment: { n: 10, retained: 1 }, control: { n: 10, retained: 1 } }, { confidence: 95 }),
    ).toThrow('confidence must be in (0, 1), got 95');
  });
});
