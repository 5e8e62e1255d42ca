/** The TypeBox schema of one raw feature record, built from the feature catalogue (types, ranges, vocabularies). */
import { Type as T, type TObject, type TSchema } from '@sinclair/typebox';
import { type FeatureSpec, snapshotFeatures } from '../../features/index.js';

/** Largest customer id accepted (characters). */
export const MAX_ID_LENGTH = 128;

function fieldSchema(f: FeatureSpec): TSchema {
  // One schema per field with a type list (not anyOf), so a bad value yields one error that names the rule broken.
  const description = `${f.description}${f.unit ? ` (${f.unit})` : ''}; null or absent = missing (imputed as in training)`;
  switch (f.type) {
    case 'categorical':
      return f.levels
        ? T.Unsafe<string | null>({ type: ['string', 'null'], enum: [...f.levels, null], description })
        : T.Unsafe<string | null>({ type: ['string', 'null'], minLength: 1, maxLength: 64, description });
    case 'boolean':
      return T.Unsafe<boolean | number | null>({ type: ['boolean', 'integer', 'null'], minimum: 0, maximum: 1, description });
    case 'numeric':
      return T.Unsafe<number | null>({
        type: ['number', 'null'],
        ...(f.min === undefined ? {} : { minimum: f.min }),
        ...(f.max === undefined ? {} : { maximum: f.max }),
        description,
      });
    default:
      return f.type satisfies never;
  }
}

/** Every snapshot feature optional (missing = imputed as in training), plus `customer_id` and `cutoff`; nothing else. */
export const RecordSchema: TObject = T.Object(
  {
    customer_id: T.Optional(
      T.String({ minLength: 1, maxLength: MAX_ID_LENGTH, description: 'Your id of the customer (echoed back)' }),
    ),
    cutoff: T.Optional(T.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Date the values describe (YYYY-MM-DD)' })),
    gender: T.Optional(
      T.Unsafe<string | null>({
        type: ['string', 'null'],
        maxLength: 64,
        description: 'Accepted for compatibility; not used by the model',
      }),
    ),
    location: T.Optional(
      T.Unsafe<string | null>({
        type: ['string', 'null'],
        minLength: 1,
        maxLength: 64,
        description: "The original system's name of region",
      }),
    ),
    ...Object.fromEntries(snapshotFeatures.map((f) => [f.name, T.Optional(fieldSchema(f))])),
  },
  { additionalProperties: false, $id: 'CustomerRecord' },
);

/** `/predict/schema`: one entry per field a client may send. */
export interface FieldDoc {
  name: string;
  type: 'number' | 'boolean' | 'category';
  required: boolean;
  unit: string;
  description: string;
  minimum: number | null;
  maximum: number | null;
  values: readonly string[] | null;
  example: number | string | boolean;
}

/** The field list of the record schema, with examples. */
export function fieldDocs(required: ReadonlySet<string>): FieldDoc[] {
  return snapshotFeatures.map((f) => ({
    name: f.name,
    type: f.type === 'numeric' ? 'number' : f.type === 'boolean' ? 'boolean' : 'category',
    required: required.has(f.name),
    unit: f.unit,
    description: f.description,
    minimum: f.min ?? null,
    maximum: f.max ?? null,
    values: f.levels ?? null,
    example:
      f.type === 'categorical'
        ? (f.levels?.[0] ?? 'unknown')
        : f.type === 'boolean'
          ? true
          : (f.min ?? 0) + (f.max !== undefined && f.max <= 1 ? 0.5 : 3),
  }));
}
