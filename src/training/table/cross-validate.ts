/** One family on a flat table: k-fold cross-validation (a nested search per fold), then a final fit on every row. */

import { fitCandidate, fitConfig, type LearningData } from '../candidate.js';
import type { Config, EstimatorSpec } from '../estimators/spec.js';
import type { SearchTrial } from '../search.js';
import { type Fold, stratifiedHoldout } from '../split/stratified.js';

/** Out-of-fold probabilities, the per-configuration search summary, and the final model on every row. */
export interface CrossValidated {
  oof: Float64Array;
  trials: SearchTrial[];
  skipped: number;
  config: Config;
  final: ReturnType<typeof fitConfig>;
}

/**
 * For each fold: the search fits on 80 % of the fold's training part and scores on the other 20 % (stratified, seeded),
 * the winner is refitted on the whole training part and predicts the held-out fold. The final configuration is the one
 * chosen in most folds (ties: earlier in the grid), numeric settings (boosting rounds) the median over those folds;
 * it is fitted on every row.
 */
export function crossValidate(
  spec: EstimatorSpec,
  data: LearningData,
  folds: readonly Fold[],
  budgetSeconds: number,
  seed: number,
  onStep?: (step: string, seconds: number) => void,
): CrossValidated {
  const n = data.label.length;
  const oof = new Float64Array(n);
  const picks: { index: number; config: Config }[] = [];
  const scores = new Map<string, { config: Config; pr: number[]; roc: number[]; est: number }>();
  let skipped = 0;
  folds.forEach((fold, f) => {
    const inner = stratifiedHoldout(data.label, fold.fit, 0.2, seed + f + 1);
    const rows = { searchFit: inner.fit, searchScore: inner.holdout, final: fold.fit, refit: true, evaluate: fold.holdout };
    const fit = fitCandidate(spec, data, rows, budgetSeconds / folds.length, seed, (s, sec) =>
      onStep?.(`fold ${f + 1}/${folds.length} ${s}`, sec),
    );
    fold.holdout.forEach((row, i) => {
      oof[row] = fit.evaluated[i];
    });
    picks.push({ index: fit.search.bestIndex, config: fit.config });
    skipped = Math.max(skipped, fit.search.skipped);
    spec.grid().forEach((g, i) => {
      const t = fit.search.trials[i];
      if (!t) return;
      const key = JSON.stringify(g);
      const s = scores.get(key) ?? scores.set(key, { config: g, pr: [], roc: [], est: 0 }).get(key)!;
      s.pr.push(t.prAuc);
      s.roc.push(t.rocAuc);
      s.est += t.estimatedSeconds;
    });
  });
  const config = consensus(picks);
  const final = fitConfig(
    spec,
    data,
    Int32Array.from({ length: n }, (_, i) => i),
    config,
    seed,
  );
  onStep?.('final fit on every row', spec.estimateSeconds(config, n, final.X.columns.length));
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const trials = [...scores.values()].map((s) => ({
    config: s.config,
    prAuc: mean(s.pr),
    rocAuc: mean(s.roc),
    estimatedSeconds: s.est,
  }));
  return { oof, trials, skipped, config, final };
}

function consensus(picks: readonly { index: number; config: Config }[]): Config {
  const votes = new Map<number, number>();
  for (const p of picks) votes.set(p.index, (votes.get(p.index) ?? 0) + 1);
  const top = Math.max(...votes.values());
  const index = Math.min(...[...votes].filter(([, v]) => v === top).map(([i]) => i));
  const chosen = picks.filter((p) => p.index === index).map((p) => p.config);
  const out: Record<string, number | string | boolean> = { ...chosen[0] };
  for (const [k, v] of Object.entries(out))
    if (typeof v === 'number') {
      const values = chosen.map((c) => c[k] as number).sort((a, b) => a - b);
      const m = values.length >> 1;
      const median = values.length % 2 ? values[m] : (values[m - 1] + values[m]) / 2;
      out[k] = Number.isInteger(v) ? Math.round(median) : median;
    }
  return out;
}
