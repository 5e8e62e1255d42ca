import { describe, expect, it } from 'vitest';
import type { FeatureFrame } from '../features/index.js';
import { predictProba, rng } from '../ml/index.js';
import { type CandidateRows, encode, fitCandidate, type LearningData } from './candidate.js';
import { estimatorSpecs } from './estimators/index.js';
import { resolveTrainOptions } from './options.js';
import { familyPlans, SEARCH_SCALE, snapshotSearchBudget } from './run-candidate.js';
import { plannedConfigs } from './search.js';
import { tempProject } from './testing/business.js';

// 1,200 rows, two informative numbers and a noise column; rows 0–799 fit, 800–999 score the search, 1000–1199 evaluate.
function learningData(): LearningData {
  const r = rng(3);
  const n = 1200;
  const a = Float64Array.from({ length: n }, () => r() * 4 - 2);
  const b = Float64Array.from({ length: n }, () => r() * 4 - 2);
  const noise = Float64Array.from({ length: n }, () => r());
  const label = Uint8Array.from(a, (v, i) => (r() < 1 / (1 + Math.exp(-(1.5 * v - b[i] - 1))) ? 1 : 0));
  const frame: FeatureFrame = {
    nRows: n,
    customerId: Array.from({ length: n }, (_, i) => `c${i}`),
    cutoff: Array.from({ length: n }, () => '2025-01-31'),
    columns: { a, b, noise },
  };
  const features = ['a', 'b', 'noise'].map((name) => ({ name, type: 'numeric' as const }));
  return { frame, label, features };
}
const range = (from: number, to: number) => Int32Array.from({ length: to - from }, (_, i) => from + i);

describe('the served model of a candidate', () => {
  const data = learningData();
  const spec = estimatorSpecs.logistic;
  const base = { searchFit: range(0, 800), searchScore: range(800, 1000), evaluate: range(1000, 1200) };

  it('is the search model itself when the final rows are the search rows: tuned on its own scores, no second fit', () => {
    const rows: CandidateRows = { ...base, final: base.searchFit, refit: false };
    const steps: string[] = [];
    const fit = fitCandidate(spec, data, rows, 100, 1, (s) => steps.push(s));
    expect(steps).toEqual(['search 1/4', 'search 2/4', 'search 3/4', 'search 4/4']);
    const { others } = encode(data, spec, base.searchFit, base.searchScore, base.evaluate);
    expect(Array.from(fit.tuning)).toEqual(Array.from(predictProba(fit.model, others[0])));
    expect(Array.from(fit.tuning)).toEqual(Array.from(fit.search.scores));
    expect(Array.from(fit.evaluated)).toEqual(Array.from(predictProba(fit.model, others[1])));
  });

  it('is fitted once more on the whole inner-fit part when the search used a sample, and tuned on its own scores', () => {
    const rows: CandidateRows = { ...base, searchFit: range(0, 400), final: base.searchFit, refit: false };
    const steps: string[] = [];
    const fit = fitCandidate(spec, data, rows, 0, 1, (s) => steps.push(s));
    expect(steps).toEqual(['search 1/1', 'final fit']);
    const { others } = encode(data, spec, base.searchFit, base.searchScore);
    expect(Array.from(fit.tuning)).toEqual(Array.from(predictProba(fit.model, others[0])));
    expect(Array.from(fit.tuning)).not.toEqual(Array.from(fit.search.scores));
  });

  it('with refit, is fitted on every row and carries the search model’s scores over for the threshold', () => {
    const rows: CandidateRows = { ...base, final: range(0, 1000), refit: true };
    const fit = fitCandidate(spec, data, rows, 0, 1);
    expect(Array.from(fit.tuning)).toEqual(Array.from(fit.search.scores));
    const { others } = encode(data, spec, rows.final, base.evaluate);
    expect(Array.from(fit.evaluated)).toEqual(Array.from(predictProba(fit.model, others[0])));
  });
});

describe('the snapshot search budget', () => {
  it('is at most SEARCH_SCALE × the default configuration’s estimate, within the family’s share of budgetSeconds', () => {
    const data = learningData();
    const o = resolveTrainOptions(tempProject(), { budgetSeconds: 40, models: 'lr,rf' });
    const rows = { searchFit: range(0, 800), final: range(0, 800), refit: false };
    const plans = familyPlans(o, data, rows, snapshotSearchBudget(o));
    for (const family of ['logistic', 'random_forest'] as const) {
      const spec = estimatorSpecs[family];
      const estimate = spec.estimateSeconds(spec.grid()[0], 800, 3);
      const plan = plans.get(family);
      expect(plan?.budgetSeconds).toBeCloseTo(Math.min(20, SEARCH_SCALE * estimate), 2);
      // The search model is served: the plan holds the search alone.
      expect(plan?.seconds).toBeCloseTo(plannedConfigs(spec, 800, 3, plan?.budgetSeconds ?? 0).seconds, 9);
    }
    const tight = resolveTrainOptions(tempProject(), { budgetSeconds: 0, models: 'lr' });
    expect(familyPlans(tight, data, rows, snapshotSearchBudget(tight)).get('logistic')?.budgetSeconds).toBe(0);
  });
});
