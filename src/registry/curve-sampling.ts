/** Downsampling evaluation curves to a few hundred points so the artifact and report stay small. */

/** A curve as parallel x/y arrays. */
export interface CurvePoints {
  x: number[];
  y: number[];
}

/**
 * Keeps at most `maxPoints` points of a curve, always the first and the last, choosing the rest evenly
 * by cumulative path length so steep and flat parts are both drawn. Coordinates are rounded to 5 decimals
 * (well below a pixel) so the stored numbers are short and deterministic.
 */
export function downsampleCurve(curve: { x: ArrayLike<number>; y: ArrayLike<number> }, maxPoints = 200): CurvePoints {
  const n = curve.x.length;
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  if (n <= maxPoints) return { x: Array.from(curve.x, round), y: Array.from(curve.y, round) };
  const length = new Float64Array(n);
  for (let i = 1; i < n; i++) length[i] = length[i - 1] + Math.hypot(curve.x[i] - curve.x[i - 1], curve.y[i] - curve.y[i - 1]);
  const total = length[n - 1];
  const keep: number[] = [0];
  let j = 0;
  for (let k = 1; k < maxPoints - 1; k++) {
    const target = (total * k) / (maxPoints - 1);
    while (j < n - 1 && length[j] < target) j++;
    if (j > keep[keep.length - 1] && j < n - 1) keep.push(j);
  }
  keep.push(n - 1);
  return { x: keep.map((i) => round(curve.x[i])), y: keep.map((i) => round(curve.y[i])) };
}
