/** Everything a retention team reads per scored row: score, drivers in words, value, and the recommended action. */
import type { FeatureFrame } from '../features/index.js';
import type { CustomerValue, LifetimeOptions, Recommendation, RetentionRule } from '../insights/index.js';
import { customerValues, monthlyRevenueOf } from './customer-value.js';
import { type CustomerDrivers, defaultTopK, type Explanations, renderTop } from './explanations.js';
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
  return Array.from({ length: scores.nRows }, (_, i) => {
    const facts = {
      customerId: scores.ids[i],
      probability: scores.probability[i],
      riskBucket: scores.riskBucket[i],
      value: values[i],
    };
    const featureValues = explanations.rowValues(i);
    const drivers = explanations.driverList(i, featureValues);
    const rendered = renderTop(drivers, topK, explanations.unit, featureValues);
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
