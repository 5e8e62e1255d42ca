/** What the model was trained and validated on: data fingerprint, window, cutoffs or folds, horizon, row counts. */
import { type Static, Type as T } from '@sinclair/typebox';
import { IsoDate, Nullable, Sha256, strict } from './common.js';

/** Where the training rows came from: stacked point-in-time snapshots, or one flat table (`churn train --table`). */
export const SourceSchema = T.Union([T.Literal('snapshots'), T.Literal('table')]);

/** The training and validation data of a model. */
export const TrainingDataSchema = T.Object(
  {
    /** SHA-256 over the training and validation rows exactly as the estimators saw them (see `dataFingerprint`). */
    dataFingerprint: Sha256,
    /** Seed of every random choice of the run (folds, bootstraps, subsampling). */
    seed: T.Integer({ minimum: 0 }),
    /** Churn horizon H in days (snapshots); null for a flat table, whose label has no horizon. */
    horizonDays: Nullable(T.Integer({ minimum: 1 })),
    /** First and last raw-data date the features and labels read (snapshots); null for a table. */
    dataWindow: Nullable(T.Object({ from: IsoDate, to: IsoDate }, strict)),
    /** Snapshot cutoffs used for fitting and for out-of-time validation (every train cutoff precedes every validation cutoff). */
    cutoffs: Nullable(
      T.Object({ train: T.Array(IsoDate, { minItems: 1 }), validation: T.Array(IsoDate, { minItems: 1 }) }, strict),
    ),
    /** Cross-validation used instead of cutoffs (flat tables have no time axis). */
    folds: Nullable(T.Object({ k: T.Integer({ minimum: 2 }), stratified: T.Boolean(), seed: T.Integer({ minimum: 0 }) }, strict)),
    /** Rows used to fit the final model, and rows the validation metrics were computed on (out-of-fold rows for k-fold). */
    rows: T.Object({ train: T.Integer({ minimum: 1 }), validation: T.Integer({ minimum: 1 }) }, strict),
    /** Churners among those rows. */
    positives: T.Object({ train: T.Integer({ minimum: 0 }), validation: T.Integer({ minimum: 0 }) }, strict),
    /** Base name of the CSV a table model was trained on (`churn train --table FILE.csv`); absent for snapshots. */
    tableFile: T.Optional(T.String({ minLength: 1 })),
    /** The label: column name and the value that means "churned" (snapshots: `churned` / `1`). */
    target: T.Object({ column: T.String({ minLength: 1 }), positive: T.String() }, strict),
  },
  strict,
);

/** Where training rows came from. */
export type Source = Static<typeof SourceSchema>;
/** The training and validation data of a model. */
export type TrainingData = Static<typeof TrainingDataSchema>;
