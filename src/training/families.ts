/** The estimator families: artifact keys, src/ml model kinds, display names, CLI codes and simplicity order, mapped in one place. */
import { ChurnError } from '../errors/index.js';
import type { ClassifierModel } from '../ml/index.js';
import type { Family } from '../registry/index.js';

/** The four candidate families `churn train` fits (the artifact's `cart` family is not a candidate). */
export type CandidateFamily = Exclude<Family, 'cart'>;

/** Candidates in order of simplicity: ties in the selection metric go to the earlier (simpler) one. */
export const candidateFamilies: readonly CandidateFamily[] = ['logistic', 'random_forest', 'gradient_boosting', 'hist_boosting'];

/** The `kind` tag src/ml gives each family's fitted model (src/ml uses its own spelling). */
export const mlKindOf = {
  logistic: 'logistic',
  cart: 'decision-tree',
  random_forest: 'random-forest',
  gradient_boosting: 'gradient-boosting',
  hist_boosting: 'hist_boosting',
} as const satisfies Record<Family, ClassifierModel['kind']>;

/** The artifact family of a fitted src/ml model. */
export function familyOfModel(model: { kind: string }): Family {
  for (const [family, kind] of Object.entries(mlKindOf)) if (kind === model.kind) return family as Family;
  throw new ChurnError('CHURN_ERR_ARTIFACT', `Unknown model kind "${model.kind}"`, { kind: model.kind });
}

/** Display names, used as candidate names in the artifact, the report and the comparison CSV. */
export const familyNames: Record<Family, string> = {
  logistic: 'Logistic regression',
  cart: 'Decision tree',
  random_forest: 'Random forest',
  gradient_boosting: 'Gradient boosting',
  hist_boosting: 'Histogram boosting',
};

/** Short codes accepted by `--models` (the original system's abbreviations) and the family keys themselves. */
const codes: Record<string, CandidateFamily> = {
  lr: 'logistic',
  rf: 'random_forest',
  gb: 'gradient_boosting',
  hgb: 'hist_boosting',
  xgb: 'hist_boosting',
  logistic: 'logistic',
  random_forest: 'random_forest',
  gradient_boosting: 'gradient_boosting',
  hist_boosting: 'hist_boosting',
};

/** Parses `lr,rf,gb,hgb` (codes or family keys) into families in simplicity order; unknown codes are a CHURN_ERR_PARAM. */
export function parseFamilies(list: string | readonly string[]): CandidateFamily[] {
  const items = (typeof list === 'string' ? list.split(',') : list).map((s) => s.trim()).filter(Boolean);
  const chosen = new Set<CandidateFamily>();
  for (const item of items) {
    const family = codes[item.toLowerCase()];
    if (!family)
      throw new ChurnError('CHURN_ERR_PARAM', `Unknown model "${item}"; use lr, rf, gb, hgb (or their family names)`, {
        model: item,
      });
    chosen.add(family);
  }
  if (chosen.size === 0) throw new ChurnError('CHURN_ERR_PARAM', 'At least one model family is needed (--models lr,rf,gb,hgb)');
  return candidateFamilies.filter((f) => chosen.has(f));
}
