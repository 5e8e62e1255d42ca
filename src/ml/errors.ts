/** The two typed errors of src/ml (bad hyper-parameter, bad data shape) and the input guards that raise them. */

import type { Matrix } from './matrix.js';
import type { RankedColumns } from './tree/ranked-columns.js';

/** A hyper-parameter is out of range or of the wrong kind; names the estimator, the parameter and the value. */
export class MlParamError extends Error {
  override name = 'MlParamError';
  constructor(
    readonly estimator: string,
    readonly param: string,
    readonly value: unknown,
    reason: string,
  ) {
    super(`${estimator}: ${param} ${reason}, got ${describe(value)}`);
  }
}

/** The data does not fit the model: wrong feature count, length mismatch, missing or non-finite values. */
export class MlShapeError extends Error {
  override name = 'MlShapeError';
  constructor(
    message: string,
    readonly context: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Throws unless X is a well-formed Matrix: every column has nRows values and there is at least one row. */
export function checkMatrix(estimator: string, X: Matrix): void {
  if (!Number.isInteger(X.nRows) || X.nRows < 1) throw new MlShapeError(`${estimator}: X has no rows`, { nRows: X.nRows });
  X.columns.forEach((c, j) => {
    if (c.length !== X.nRows)
      throw new MlShapeError(`${estimator}: column ${j} has ${c.length} values, expected ${X.nRows}`, { column: j });
  });
}

/** Throws unless X has exactly the number of features the model was fitted on. */
export function checkFeatureCount(estimator: string, X: Matrix, nFeatures: number): void {
  checkMatrix(estimator, X);
  if (X.columns.length !== nFeatures)
    throw new MlShapeError(`${estimator}: X has ${X.columns.length} features, the model was fitted on ${nFeatures}`, {
      got: X.columns.length,
      expected: nFeatures,
    });
}

/** Throws unless `presorted` (when given) has X's shape: ranks of X's columns, one per row (the values are trusted). */
export function checkPresorted(estimator: string, X: Matrix, presorted: RankedColumns | undefined): void {
  if (presorted && (presorted.nRows !== X.nRows || presorted.ranks.length !== X.columns.length))
    throw new MlShapeError(
      `${estimator}: presorted columns are ${presorted.nRows} × ${presorted.ranks.length}, X is ${X.nRows} × ${X.columns.length}`,
      { rows: presorted.nRows, columns: presorted.ranks.length },
    );
}

/** Throws unless y is a 0/1 label vector of length n. */
export function checkLabels(estimator: string, y: ArrayLike<number>, n: number): void {
  if (y.length !== n)
    throw new MlShapeError(`${estimator}: y has ${y.length} labels, X has ${n} rows`, { got: y.length, expected: n });
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (v !== 0 && v !== 1) throw new MlShapeError(`${estimator}: label at row ${i} is ${v}, expected 0 or 1`, { row: i });
  }
}

/** Throws unless weights (when given) are n finite non-negative numbers with a positive sum. */
export function checkWeights(estimator: string, weights: ArrayLike<number> | undefined, n: number): void {
  if (weights === undefined) return;
  if (weights.length !== n)
    throw new MlShapeError(`${estimator}: weights has ${weights.length} values, X has ${n} rows`, {
      got: weights.length,
      expected: n,
    });
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w >= 0) || w === Number.POSITIVE_INFINITY)
      throw new MlShapeError(`${estimator}: weight at row ${i} is ${w}, expected a finite number >= 0`, { row: i });
    sum += w;
  }
  if (!(sum > 0)) throw new MlShapeError(`${estimator}: weights sum to 0`);
}

/** Throws on the first NaN or infinite value, naming its column and row (for estimators that cannot route missing values). */
export function checkFinite(estimator: string, X: Matrix): void {
  X.columns.forEach((c, j) => {
    for (let i = 0; i < c.length; i++) {
      const v = c[i];
      if (v - v !== 0)
        throw new MlShapeError(`${estimator}: feature ${j} is ${v} at row ${i}; impute missing values before fitting`, {
          column: j,
          row: i,
        });
    }
  });
}

/** Throws unless a score vector has n finite values (metrics, calibration). */
export function checkScores(what: string, scores: ArrayLike<number>, n: number): void {
  if (scores.length !== n)
    throw new MlShapeError(`${what}: ${scores.length} scores for ${n} labels`, { got: scores.length, expected: n });
  for (let i = 0; i < n; i++) {
    const v = scores[i];
    if (v - v !== 0) throw new MlShapeError(`${what}: score at row ${i} is ${v}`, { row: i });
  }
}
