/** The feature schema: raw inputs a caller must send, the derived-feature recipe, and the model's input columns. */
import { type Static, Type as T } from '@sinclair/typebox';
import { Nullable, Sha256, strict } from './common.js';

/** How a raw input is typed. */
export const FeatureTypeSchema = T.Union([
  T.Literal('numeric'),
  T.Literal('categorical'),
  T.Literal('boolean'),
  T.Literal('date'),
]);

/** One raw input feature, as a caller (API, CSV, snapshot) provides it. */
export const FeatureInputSchema = T.Object(
  {
    name: T.String({ minLength: 1 }),
    type: FeatureTypeSchema,
    /** Business wording for pages and explanations (e.g. "Failed payments, last 30 days"). */
    label: T.Optional(T.String()),
    /** Categories seen in training (categorical features), in a stable order. Unseen ones are handled by preprocessing. */
    categories: T.Optional(T.Array(T.String())),
    /** False when the preprocessing imputes the value if it is missing. */
    required: T.Boolean(),
  },
  strict,
);

/** One column of the matrix the estimator sees, and the business feature it belongs to (one-hot pieces share one). */
export const ModelInputSchema = T.Object({ name: T.String({ minLength: 1 }), feature: T.String({ minLength: 1 }) }, strict);

/** Everything a caller and the transform need to know about the features. */
export const FeatureSchemaSchema = T.Object(
  {
    /** SHA-256 of the feature contract (recipe version + input names and types); see docs/model-artifact.md. */
    contractHash: Sha256,
    /** Version of the derived-feature recipe (the one pure function shared by training and serving). */
    recipeVersion: T.String({ minLength: 1 }),
    inputs: T.Array(FeatureInputSchema, { minItems: 1 }),
    /** Names of the features the recipe derives from the inputs. */
    derived: T.Array(T.String()),
    /** The estimator's input columns in order, each mapped to its business feature. */
    modelInputs: T.Array(ModelInputSchema, { minItems: 1 }),
    /** Identifier column of a flat table (passed through, never a feature); null for snapshots. */
    idColumn: Nullable(T.String()),
    /** Columns deliberately left out, with the reason (ID-like, constant, leakage, …). */
    dropped: T.Array(T.Object({ name: T.String(), reason: T.String() }, strict)),
  },
  strict,
);

/** How a raw input is typed. */
export type FeatureType = Static<typeof FeatureTypeSchema>;
/** One raw input feature. */
export type FeatureInput = Static<typeof FeatureInputSchema>;
/** One estimator input column and its business feature. */
export type ModelInput = Static<typeof ModelInputSchema>;
/** The feature schema of a model. */
export type FeatureSchema = Static<typeof FeatureSchemaSchema>;
