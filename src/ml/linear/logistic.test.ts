import { describe, expect, it } from 'vitest';
import { sklearnReference } from '../../../test/fixtures/sklearn/reference.js';
import { MlParamError, MlShapeError } from '../errors.js';
import { fromRows, type Matrix } from '../matrix.js';
import { fitLogistic } from './logistic-fit.js';
import { logisticProba } from './logistic-model.js';
import type { LogisticParams } from './logistic-params.js';

const L = sklearnReference.logistic;
const X = fromRows(L.X);
const y = Uint8Array.from(L.y);
const w = Float64Array.from(L.w);

/** Population-std standardisation, as make.py does before saga. */
function standardise(M: Matrix): Matrix {
  return {
    nRows: M.nRows,
    columns: M.columns.map((c) => {
      const v = Array.from(c);
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
      return Float64Array.from(v, (x) => (x - mean) / sd);
    }),
  };
}
const Xs = standardise(X);

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])));

describe('logistic regression against scikit-learn 1.2.1 (test/fixtures/sklearn/make.py)', () => {
  for (const c of L.cases) {
    const solvers = c.params.penalty ? (['newton'] as const) : (['newton', 'lbfgs'] as const);
    for (const solver of solvers) {
      it(`${c.name}: ${solver} matches coefficients and intercept to 1e-6`, () => {
        const params: Partial<LogisticParams> = {
          C: c.params.C,
          penalty: c.params.penalty ?? 'l2',
          l1Ratio: c.params.l1_ratio ?? 0.5,
          fitIntercept: c.params.fit_intercept ?? true,
          classWeight: c.params.class_weight,
          solver,
          tol: 1e-10,
        };
        const m = fitLogistic(c.scaled ? Xs : X, y, params, c.sampleWeights ? w : undefined);
        // Both libraries stop at a gradient of ~1e-10 on the same strictly convex problem, so the optimum agrees far
        // below 1e-6 (measured ≤ 1e-10); 1e-6 leaves room for summation order. The issue asks for 1e-4.
        expect(maxAbsDiff(m.coefficients, c.coef)).toBeLessThan(1e-6);
        expect(Math.abs(m.intercept - c.intercept)).toBeLessThan(1e-6);
        expect(m.convergence.converged).toBe(true);
        expect(m.convergence.solver).toBe(solver);
        expect(m.convergence.gradientNorm).toBeLessThanOrEqual(1e-10);
        expect(Math.abs(m.convergence.objective - c.objective)).toBeLessThan(1e-9 * c.objective);
        expect(maxAbsDiff(logisticProba(m, c.scaled ? Xs : X), c.proba)).toBeLessThan(1e-7);
      });
    }
  }

  it("reaches a lower objective than scikit-learn's lbfgs, which stops on scipy's ftol before its gradient tolerance", () => {
    for (const c of L.cases.filter((k) => k.lbfgs)) {
      const m = fitLogistic(
        X,
        y,
        { C: c.params.C, classWeight: c.params.class_weight, fitIntercept: c.params.fit_intercept },
        c.sampleWeights ? w : undefined,
      );
      expect(m.convergence.objective).toBeLessThanOrEqual(c.lbfgs!.objective);
      // Its coefficients are still within 1e-3 (measured ≤ 2.3e-4 on these unscaled features).
      expect(maxAbsDiff(m.coefficients, c.lbfgs!.coef)).toBeLessThan(1e-3);
    }
  });
});

describe('fitLogistic', () => {
  it('Newton converges in a handful of passes and says so', () => {
    const m = fitLogistic(X, y);
    expect(m.convergence).toMatchObject({ solver: 'newton', converged: true });
    expect(m.convergence.iterations).toBeLessThanOrEqual(8);
    expect(m.convergence.gradientNorm).toBeLessThanOrEqual(1e-8);
  });

  it('meets every tolerance it is given, whichever pass skips the Hessian', () => {
    for (const tol of [1e-1, 3e-2, 1e-2, 1e-3, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12]) {
      for (const C of [0.01, 1, 100]) {
        const m = fitLogistic(X, y, { tol, C });
        expect(m.convergence.converged).toBe(true);
        expect(m.convergence.gradientNorm).toBeLessThanOrEqual(tol);
      }
    }
  });

  it('reports non-convergence when maxIter is too small, and still returns a usable model', () => {
    const m = fitLogistic(X, y, { maxIter: 1 });
    expect(m.convergence).toMatchObject({ iterations: 1, converged: false });
    expect(m.convergence.gradientNorm).toBeGreaterThan(1e-8);
  });

  it('stores the training means as the SHAP background', () => {
    const m = fitLogistic(X, y);
    const mean0 = L.X.reduce((a, r) => a + r[0], 0) / L.X.length;
    expect(m.featureMeans[0]).toBeCloseTo(mean0, 12);
  });

  it('explicit class weights equal to the balanced ones give the balanced fit', () => {
    const pos = L.y.filter((v) => v === 1).length;
    const n = L.y.length;
    const a = fitLogistic(X, y, { classWeight: 'balanced' });
    const b = fitLogistic(X, y, { classWeight: { negative: n / (2 * (n - pos)), positive: n / (2 * pos) } });
    expect(maxAbsDiff(a.coefficients, b.coefficients)).toBeLessThan(1e-12);
  });

  it('L1 sets weak coefficients exactly to zero', () => {
    const m = fitLogistic(Xs, y, { penalty: 'l1', C: 0.05 });
    expect(Array.from(m.coefficients).filter((v) => v === 0)).toHaveLength(4);
  });

  it('names the bad hyper-parameter value', () => {
    expect(() => fitLogistic(X, y, { C: -1 })).toThrow(new MlParamError('logistic', 'C', -1, 'must be a finite number > 0'));
    expect(() => fitLogistic(X, y, { penalty: 'l3' as 'l1' })).toThrow(
      /penalty must be one of "l2", "l1", "elasticnet", got "l3"/,
    );
    expect(() => fitLogistic(X, y, { solver: 'lbfgs', penalty: 'l1' })).toThrow(/solver supports penalty 'l2' only/);
    expect(() => fitLogistic(X, y, { classWeight: { negative: 1 } as never })).toThrow(MlParamError);
    expect(() => fitLogistic(X, y, { alpha: 1 } as never)).toThrow(/alpha is not a parameter/);
  });

  it('rejects a missing value by row and column instead of dropping the row', () => {
    const bad = fromRows([
      [1, 2],
      [3, Number.NaN],
    ]);
    const err = (() => {
      try {
        fitLogistic(bad, Uint8Array.from([0, 1]));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(MlShapeError);
    expect(err).toMatchObject({
      message: 'logistic: feature 1 is NaN at row 1; impute missing values before fitting',
      context: { column: 1, row: 1 },
    });
  });

  it('rejects a single-class target, labels other than 0/1 and mismatched weights', () => {
    expect(() => fitLogistic(X, new Uint8Array(X.nRows))).toThrow(/only class 0/);
    expect(() =>
      fitLogistic(
        X,
        Uint8Array.from(L.y, (v) => v * 2),
      ),
    ).toThrow(/expected 0 or 1/);
    expect(() => fitLogistic(X, y, {}, new Float64Array(3))).toThrow(/weights has 3 values, X has 400 rows/);
  });

  it('accepts Float32 columns and gives the Float64 fit on the same (rounded) values', () => {
    const X32 = { nRows: X.nRows, columns: X.columns.map((c) => Float32Array.from(c)) };
    const X64 = { nRows: X.nRows, columns: X32.columns.map((c) => Float64Array.from(c)) };
    expect(maxAbsDiff(fitLogistic(X32, y).coefficients, fitLogistic(X64, y).coefficients)).toBe(0);
  });
});
