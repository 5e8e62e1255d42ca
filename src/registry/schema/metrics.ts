/** Validation metrics of one model at one decision threshold, with the confusion matrix behind them. */
import { type Static, Type as T } from '@sinclair/typebox';
import { Nullable, Probability, strict } from './common.js';

/** Counts of the confusion matrix at the decision threshold (positive = churned). */
export const ConfusionSchema = T.Object(
  {
    tp: T.Integer({ minimum: 0 }),
    fp: T.Integer({ minimum: 0 }),
    tn: T.Integer({ minimum: 0 }),
    fn: T.Integer({ minimum: 0 }),
  },
  strict,
);

/**
 * Out-of-time (or out-of-fold) validation metrics. A metric that is undefined on the data
 * (e.g. precision when nothing is predicted positive) is `null`, never NaN.
 */
export const MetricsSchema = T.Object(
  {
    rocAuc: Nullable(Probability),
    prAuc: Nullable(Probability),
    precision: Nullable(Probability),
    recall: Nullable(Probability),
    f1: Nullable(Probability),
    accuracy: Nullable(Probability),
    brier: Nullable(Probability),
    logLoss: Nullable(T.Number({ minimum: 0 })),
    /** Churn rate among the 10 % highest scores divided by the overall churn rate. */
    topDecileLift: Nullable(T.Number({ minimum: 0 })),
    /** Share of all churners found in the 10 % highest scores. */
    topDecileCapture: Nullable(Probability),
    /** The threshold the threshold-dependent metrics (precision … accuracy, confusion) were computed at. */
    threshold: Probability,
    confusion: ConfusionSchema,
  },
  strict,
);

/** Confusion-matrix counts. */
export type Confusion = Static<typeof ConfusionSchema>;
/** Validation metrics at one threshold. */
export type Metrics = Static<typeof MetricsSchema>;
