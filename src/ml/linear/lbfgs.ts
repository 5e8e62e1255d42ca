/** Limited-memory BFGS for smooth convex objectives: two-loop recursion and a backtracking Armijo line search. */

/** Value at x; writes the gradient into `grad`. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

/** Result of an L-BFGS run. */
export interface LbfgsResult {
  x: Float64Array;
  value: number;
  iterations: number;
  converged: boolean;
}

/**
 * Minimises f from x0. `isConverged(grad)` is asked after every accepted step (the caller owns the scale of its
 * tolerance); the run also stops when a line search cannot decrease f any more.
 */
export function lbfgs(
  f: Objective,
  x0: Float64Array,
  isConverged: (grad: Float64Array) => boolean,
  maxIter: number,
  memory = 10,
): LbfgsResult {
  const n = x0.length;
  let x = new Float64Array(x0);
  let g = new Float64Array(n);
  let fx = f(x, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  let iterations = 0;
  while (!isConverged(g) && iterations < maxIter) {
    const d = direction(g, S, Y, rho);
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Not a descent direction (stale curvature pairs): restart from steepest descent.
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      slope = dot(g, d);
      if (!(slope < 0)) break;
    }
    let t = S.length === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    const xNew = new Float64Array(n);
    const gNew = new Float64Array(n);
    let fNew = Number.POSITIVE_INFINITY;
    // The slack absorbs rounding in f: near the optimum the predicted decrease falls below f's last digits.
    const slack = 1e-13 * Math.abs(fx);
    const accepted = () => fNew <= fx + 1e-4 * t * slope + slack;
    for (let tries = 0; tries < 60; tries++, t /= 2) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + t * d[i];
      fNew = f(xNew, gNew);
      if (accepted()) break;
    }
    if (!accepted()) break;
    iterations++;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (S.length === memory) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
    }
    x = xNew;
    g = gNew;
    fx = fNew;
  }
  return { x, value: fx, iterations, converged: isConverged(g) };
}

function direction(g: Float64Array, S: Float64Array[], Y: Float64Array[], rho: number[]): Float64Array {
  const q = g.map((v) => -v);
  const k = S.length;
  const alpha = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    alpha[i] = rho[i] * dot(S[i], q);
    for (let j = 0; j < q.length; j++) q[j] -= alpha[i] * Y[i][j];
  }
  if (k > 0) {
    const gamma = dot(S[k - 1], Y[k - 1]) / dot(Y[k - 1], Y[k - 1]);
    for (let j = 0; j < q.length; j++) q[j] *= gamma;
  }
  for (let i = 0; i < k; i++) {
    const beta = rho[i] * dot(Y[i], q);
    for (let j = 0; j < q.length; j++) q[j] += S[i][j] * (alpha[i] - beta);
  }
  return q;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
