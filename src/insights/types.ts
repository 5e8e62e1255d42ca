/** The plain inputs the insights engines work on: scored customers and their drivers, free of any model or store type. */

/** Risk bands of a churn probability, in the order of rising risk (cut points travel with the model). */
export const riskBuckets = ['Low', 'Medium', 'High', 'Very High'] as const;
/** One risk band. */
export type RiskBucket = (typeof riskBuckets)[number];

/** The scale a contribution is measured on: the model's margin (log-odds) or the probability itself. */
export type ContributionUnit = 'log-odds' | 'probability';

/** A feature value as the business sees it: a number, a category, or missing. */
export type FeatureValue = number | string | boolean | null;

/** One feature's part in a customer's score: positive raises the churn risk, negative lowers it. */
export interface Driver {
  /** Business feature name (one-hot pieces already summed back, e.g. `plan_type`). */
  feature: string;
  /** The customer's own value of that feature. */
  value: FeatureValue;
  /** Contribution to the score, on the scale named by the explanation's unit. */
  contribution: number;
  /** The driver in business words, when already rendered (see `describeDriver`). */
  text?: string;
}

/** A customer after scoring, with everything the retention engine and campaign planner read. */
export interface ScoredCustomer {
  customerId: string;
  /** Churn probability over the model's horizon. */
  probability: number;
  riskBucket: RiskBucket;
  /** Segment name (or id as text) from the segmentation, when one was run. */
  segment?: string;
  /** The customer's drivers, any order; the engine ranks them by contribution. */
  drivers: Driver[];
  plan_type: string;
  billing_cycle: string;
  tenure_days: number;
  /** Monthly-equivalent revenue (an annual plan's price divided by 12). */
  monthly_revenue: number;
  /** Customer lifetime value (see docs/clv.md). */
  clv: number;
  /** All feature values of the customer, for context in driver sentences. */
  features?: Record<string, FeatureValue>;
}
