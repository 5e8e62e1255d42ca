/** Everything a retention team reads per scored row: score, drivers in words, value, and the recommended action. */
import type { FeatureFrame } from '../features/index.js';
import {
  type CustomerValue,
  type Driver,
  isSelectableCount,
  type LifetimeOptions,
  type Recommendation,
  type RetentionRule,
  rulesTopK,
} from '../insights/index.js';
import { customerValues, monthlyRevenueOf } from './customer-value.js';
import { type CustomerDrivers, defaultTopK, type Explanations, renderDrivers, renderTop } from './explanations.js';
import { recommendFor } from './retention.js';
import type { Scores } from './scorer.js';

/** One scored, explained row. */
export interface Assessment {
  customerId: string;
  cutoff: string;
  probability: number;
  decision: 0 | 1;
  riskBucket: string;
  /** The model's margin and the base value it is explained from, on `unit`. */
  margin: number;
  baseValue: number;
  unit: Explanations['unit'];
  drivers: CustomerDrivers;
  /** CLV, revenue at risk, … (null when the monthly revenue is unknown). */
  value: CustomerValue | null;
  recommendation: Recommendation | null;
}

/** Assessments of every row (drivers rendered for the top `topK` each way). */
export function assessRows(
  frame: FeatureFrame,
  scores: Scores,
  explanations: Explanations,
  options: { rules: readonly RetentionRule[]; lifetime: LifetimeOptions; topK?: number },
): Assessment[] {
  const values = customerValues(scores.probability, monthlyRevenueOf(frame), options.lifetime);
  const topK = options.topK ?? defaultTopK;
  // The retention rules read the strongest rising drivers only: with small counts, the drivers shown and the ones the
  // rules need are selected from the contributions instead of building and ranking a driver per business feature.
  const ruleK = rulesTopK(options.rules);
  const risingK = ruleK !== null && isSelectableCount(topK) ? Math.max(topK, ruleK) : null;
  return Array.from({ length: scores.nRows }, (_, i) => {
    const facts = {
      customerId: scores.ids[i],
      probability: scores.probability[i],
      riskBucket: scores.riskBucket[i],
      value: values[i],
    };
    const featureValues = explanations.rowValues(i);
    let drivers: Driver[];
    let rendered: CustomerDrivers;
    if (risingK === null) {
      drivers = explanations.driverList(i, featureValues);
      rendered = renderTop(drivers, topK, explanations.unit, featureValues);
    } else {
      drivers = explanations.strongest(i, risingK, 1, featureValues); // what the rules read, strongest first
      const up = drivers.length > topK ? drivers.slice(0, topK) : drivers;
      rendered = renderDrivers(
        { up, down: explanations.strongest(i, topK, -1, featureValues) },
        explanations.unit,
        featureValues,
      );
    }
    return {
      customerId: scores.ids[i],
      cutoff: scores.cutoffs[i],
      probability: scores.probability[i],
      decision: scores.decision[i] as 0 | 1,
      riskBucket: scores.riskBucket[i],
      margin: explanations.margin[i],
      baseValue: explanations.baseValue,
      unit: explanations.unit,
      drivers: rendered,
      value: values[i],
      recommendation: recommendFor(explanations, i, facts, options.rules, { drivers, values: featureValues }),
    };
  });
}
