/** Downsampled evaluation curves stored in the artifact so reports and pages can be drawn from it alone. */
import { type Static, Type as T } from '@sinclair/typebox';
import { Probability, strict } from './common.js';

const Points = T.Array(T.Number());

/** A curve as two equally long arrays: ROC is x = false-positive rate, y = true-positive rate; PR is x = recall, y = precision. */
export const CurveSchema = T.Object({ x: Points, y: Points }, strict);

/** Reliability diagram: mean predicted probability and observed churn rate per bin, with the bin's row count. */
export const CalibrationCurveSchema = T.Object(
  { predicted: T.Array(Probability), observed: T.Array(Probability), count: T.Array(T.Integer({ minimum: 0 })) },
  strict,
);

/** Precision, recall and F1 as functions of the decision threshold (nulls where undefined). */
export const ThresholdCurveSchema = T.Object(
  {
    threshold: T.Array(Probability),
    precision: T.Array(T.Union([Probability, T.Null()])),
    recall: T.Array(T.Union([Probability, T.Null()])),
    f1: T.Array(T.Union([Probability, T.Null()])),
  },
  strict,
);

/** The curves of the selected model on the validation data. */
export const ChosenCurvesSchema = T.Object(
  { roc: CurveSchema, pr: CurveSchema, calibration: CalibrationCurveSchema, threshold: ThresholdCurveSchema },
  strict,
);

/** A curve as parallel x/y arrays. */
export type Curve = Static<typeof CurveSchema>;
/** Reliability-diagram bins. */
export type CalibrationCurve = Static<typeof CalibrationCurveSchema>;
/** Precision/recall/F1 per threshold. */
export type ThresholdCurve = Static<typeof ThresholdCurveSchema>;
/** The selected model's curves. */
export type ChosenCurves = Static<typeof ChosenCurvesSchema>;
