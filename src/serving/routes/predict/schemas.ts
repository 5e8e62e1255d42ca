/** Response schemas of the prediction routes (TypeBox; serialised by fast-json-stringify, nothing undeclared leaks). */
import { Type as T } from '@sinclair/typebox';

const strict = { additionalProperties: false } as const;

const Driver = T.Object({ feature: T.String(), text: T.String(), contribution: T.Number() }, strict);

export const PredictionSchema = T.Object(
  {
    customer_id: T.String(),
    probability: T.Number({ minimum: 0, maximum: 1 }),
    prediction: T.Union([T.Literal(0), T.Literal(1)], { description: '1 when probability ≥ the model threshold' }),
    risk_bucket: T.String(),
    model_id: T.String(),
    snapshot_date: T.Optional(T.String({ description: 'Cutoff of the stored features ({customer_id} lookups)' })),
    drivers: T.Optional(
      T.Object(
        { unit: T.String({ description: 'log-odds or probability' }), up: T.Array(Driver), down: T.Array(Driver) },
        strict,
      ),
    ),
    action: T.Optional(
      T.Union([
        T.Object(
          {
            rule: T.String(),
            action: T.String(),
            channel: T.String(),
            offer: T.Union([T.String(), T.Null()]),
            reason: T.String(),
          },
          strict,
        ),
        T.Null(),
      ]),
    ),
  },
  strict,
);

const RowError = T.Object({ field: T.String(), rule: T.String(), message: T.String(), row: T.Integer() }, strict);

export const BatchResponseSchema = T.Object(
  {
    model_id: T.String(),
    threshold: T.Number(),
    /** In input order: a prediction, or `error` naming the field and rule of a rejected row. */
    predictions: T.Array(
      T.Object({ index: T.Integer(), ...T.Partial(PredictionSchema).properties, error: T.Optional(RowError) }, strict),
    ),
    summary: T.Object(
      {
        total: T.Integer(),
        scored: T.Integer(),
        rejected: T.Integer(),
        by_risk_bucket: T.Record(T.String(), T.Integer()),
        predicted_churners: T.Integer(),
        high_risk: T.Integer(),
      },
      strict,
    ),
  },
  strict,
);

export const FieldDocSchema = T.Object(
  {
    name: T.String(),
    type: T.Union([T.Literal('number'), T.Literal('boolean'), T.Literal('category')]),
    required: T.Boolean(),
    unit: T.String(),
    description: T.String(),
    minimum: T.Union([T.Number(), T.Null()]),
    maximum: T.Union([T.Number(), T.Null()]),
    values: T.Union([T.Array(T.String()), T.Null()]),
    example: T.Union([T.Number(), T.String(), T.Boolean()]),
  },
  strict,
);

export const Flag = T.Union([T.Literal('true'), T.Literal('false')]);
