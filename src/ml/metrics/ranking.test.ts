import { describe, expect, it } from 'vitest';
import { sklearnReference } from '../../../test/fixtures/sklearn/reference.js';
import { MlShapeError } from '../errors.js';
import { rng } from '../random.js';
import { pairwiseAuc } from './oracles.js';
import { averagePrecision, prCurve } from './precision-recall.js';
import { rocAuc, rocCurve } from './roc.js';

const M = sklearnReference.metrics;

/** Random labels and scores on a coarse grid, so that most scores tie with others. */
function tiedSample(seed: number, n: number, levels: number) {
  const r = rng(seed);
  const y = Uint8Array.from({ length: n }, () => (r() < 0.3 ? 1 : 0));
  y[0] = 1;
  y[1] = 0;
  const s = Float64Array.from(y, (v) => Math.floor((r() * 0.7 + v * 0.3) * levels) / levels);
  const w = Float64Array.from(y, () => 0.25 + Math.floor(r() * 8) / 4);
  return { y, s, w };
}

describe('rocAuc', () => {
  it('equals the brute-force pairwise count with ties = ½ on random inputs with many ties', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { y, s, w } = tiedSample(seed, 20 + seed * 7, 2 + (seed % 9));
      // Same sums in another order: agreement to rounding.
      expect(rocAuc(y, s)).toBeCloseTo(pairwiseAuc(y, s), 12);
      expect(rocAuc(y, s, w)).toBeCloseTo(pairwiseAuc(y, s, w), 12);
    }
  });

  it('matches scikit-learn roc_auc_score, unweighted and weighted', () => {
    expect(rocAuc(M.y, M.p)).toBeCloseTo(M.rocAuc, 14);
    expect(rocAuc(M.y, M.p, M.w)).toBeCloseTo(M.rocAucWeighted, 12);
  });

  it('is ½ when every score ties and 1 for a perfect ranking', () => {
    expect(rocAuc([0, 1, 0, 1], [0.3, 0.3, 0.3, 0.3])).toBe(0.5);
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4])).toBe(1);
  });

  it('refuses a single class and a missing score instead of returning NaN', () => {
    expect(() => rocAuc([1, 1], [0.2, 0.3])).toThrow(/needs both classes/);
    expect(() => rocAuc([0, 1], [0.2, Number.NaN])).toThrow(MlShapeError);
    expect(() => rocAuc([0, 1, 1], [0.2, 0.3])).toThrow(/2 scores for 3 labels/);
  });
});

describe('rocCurve', () => {
  it("matches scikit-learn's roc_curve(drop_intermediate=False) point for point", () => {
    const c = rocCurve(M.y, M.p);
    expect(c.thresholds[0]).toBe(Number.POSITIVE_INFINITY);
    expect(Array.from(c.thresholds.subarray(1))).toEqual(M.rocCurve.thresholds);
    expect(Array.from(c.fpr)).toEqual(M.rocCurve.fpr.map((v) => expect.closeTo(v, 14)));
    expect(Array.from(c.tpr)).toEqual(M.rocCurve.tpr.map((v) => expect.closeTo(v, 14)));
  });
});

describe('averagePrecision and prCurve', () => {
  it('match scikit-learn average_precision_score and precision_recall_curve', () => {
    expect(averagePrecision(M.y, M.p)).toBeCloseTo(M.averagePrecision, 14);
    expect(averagePrecision(M.y, M.p, M.w)).toBeCloseTo(M.averagePrecisionWeighted, 12);
    const c = prCurve(M.y, M.p);
    // scikit-learn lists thresholds ascending and appends (recall 0, precision 1); ours run descending without it.
    expect(Array.from(c.thresholds)).toEqual([...M.prCurve.thresholds].reverse());
    expect(Array.from(c.precision)).toEqual(
      M.prCurve.precision
        .slice(0, -1)
        .reverse()
        .map((v) => expect.closeTo(v, 14)),
    );
    expect(Array.from(c.recall)).toEqual(
      M.prCurve.recall
        .slice(0, -1)
        .reverse()
        .map((v) => expect.closeTo(v, 14)),
    );
  });

  it('is the hand-computed step integral on a small example', () => {
    // Ranking: 0.9(+) 0.8(−) 0.7(+) 0.7(−) 0.1(+): recall steps ⅓ at P=1, ⅓ at P=2/4.
    const ap = averagePrecision([1, 0, 1, 0, 1], [0.9, 0.8, 0.7, 0.7, 0.1]);
    expect(ap).toBeCloseTo((1 / 3) * 1 + (1 / 3) * 0.5 + (1 / 3) * 0.6, 15);
  });
});
