/**
 * The proximal-Newton step for L1 / elastic-net logistic regression: minimise the local quadratic model plus
 * λ₁‖w + d‖₁ by cyclic coordinate descent. It runs on centred and scaled coordinates (as glmnet does): on raw
 * features the intercept and a column with a large mean are nearly collinear and coordinate descent crawls.
 */

/** Per-feature mean and standard deviation of the training columns (scale 1 for a constant column). */
export interface FeatureFrame {
  means: Float64Array;
  scales: Float64Array;
}

/**
 * Returns d minimising Gᵀd + ½dᵀHd + λ₁Σ_{j<p}|βⱼ + dⱼ| (H, G: full symmetric penalised Hessian and gradient,
 * intercept last and unpenalised). Coordinates u = (v, b′) with wⱼ = vⱼ/sⱼ and b = b′ − Σ μⱼvⱼ/sⱼ, so |wⱼ| = |vⱼ|/sⱼ.
 */
export function proximalStep(
  beta: Float64Array,
  G: Float64Array,
  H: Float64Array,
  l1: number,
  means: Float64Array,
  scales: Float64Array,
): Float64Array {
  const m = beta.length;
  const p = m - 1;
  // Hu = Tᵀ H T and Gu = Tᵀ G, applying T column-wise then row-wise.
  const Hu = new Float64Array(H);
  for (let i = 0; i < m; i++) for (let k = 0; k < p; k++) Hu[i * m + k] = (Hu[i * m + k] - means[k] * Hu[i * m + p]) / scales[k];
  for (let j = 0; j < p; j++) for (let k = 0; k < m; k++) Hu[j * m + k] = (Hu[j * m + k] - means[j] * Hu[p * m + k]) / scales[j];
  const Gu = new Float64Array(m);
  for (let j = 0; j < p; j++) Gu[j] = (G[j] - means[j] * G[p]) / scales[j];
  Gu[p] = G[p];
  const u = new Float64Array(m);
  u[p] = beta[p];
  for (let j = 0; j < p; j++) {
    u[j] = beta[j] * scales[j];
    u[p] += means[j] * beta[j];
  }
  const du = coordinateDescent(u, Gu, Hu, (j) => (j < p ? l1 / scales[j] : 0));
  const d = new Float64Array(m);
  d[p] = du[p];
  for (let j = 0; j < p; j++) {
    d[j] = du[j] / scales[j];
    d[p] -= means[j] * d[j];
  }
  return d;
}

/** Cyclic coordinate descent on Gᵀd + ½dᵀHd + Σⱼ λⱼ|uⱼ + dⱼ| until no coordinate moves by more than 1e-13 (relative). */
function coordinateDescent(u: Float64Array, G: Float64Array, H: Float64Array, lambda: (j: number) => number): Float64Array {
  const m = u.length;
  const d = new Float64Array(m);
  const Hd = new Float64Array(m);
  for (let sweep = 0; sweep < 10_000; sweep++) {
    let biggest = 0;
    for (let j = 0; j < m; j++) {
      const a = H[j * m + j];
      if (!(a > 0)) continue;
      const c = G[j] + Hd[j];
      const cur = u[j] + d[j];
      const v = a * cur - c;
      const lam = lambda(j);
      const next = (Math.sign(v) * Math.max(0, Math.abs(v) - lam)) / a; // soft threshold (plain Newton when λ = 0)
      const step = next - cur;
      if (step === 0) continue;
      d[j] += step;
      for (let k = 0; k < m; k++) Hd[k] += H[k * m + j] * step;
      biggest = Math.max(biggest, Math.abs(step) / (1 + Math.abs(next)));
    }
    if (biggest <= 1e-13) break;
  }
  return d;
}
