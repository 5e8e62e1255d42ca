/** The columnar feature matrix every estimator takes: one typed array per feature, NaN = missing. */

/** One feature column. Float32 halves memory on large tables; Float64 is exact. */
export type Column = Float64Array | Float32Array;

/** A column-major feature matrix. */
export interface Matrix {
  nRows: number;
  columns: Column[];
}

/** Builds a Matrix from row arrays (tests, small inputs). */
export function fromRows(rows: readonly (readonly number[])[], nCols = rows[0]?.length ?? 0): Matrix {
  const columns = Array.from({ length: nCols }, () => new Float64Array(rows.length));
  rows.forEach((r, i) => {
    if (r.length !== nCols) throw new Error(`row ${i} has ${r.length} values, expected ${nCols}`);
    for (let j = 0; j < nCols; j++) columns[j][i] = r[j];
  });
  return { nRows: rows.length, columns };
}

/** The rows at `index` as a new matrix (bootstrap samples, folds). */
export function takeRows(X: Matrix, index: ArrayLike<number>): Matrix {
  const columns = X.columns.map((c) => {
    const out = new (c.constructor as Float64ArrayConstructor)(index.length);
    for (let i = 0; i < index.length; i++) out[i] = c[index[i]];
    return out;
  });
  return { nRows: index.length, columns };
}

/** Row `i` as a plain array (explanations, debugging). */
export function rowAt(X: Matrix, i: number): number[] {
  return X.columns.map((c) => c[i]);
}
