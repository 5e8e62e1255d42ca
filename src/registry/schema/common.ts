/** Small reusable schema pieces of the model artifact: nullable values, ISO dates, probabilities, hashes. */
import { Type as T, type TSchema } from '@sinclair/typebox';

/** Objects of the artifact reject unknown keys so a typo is an error, not a silently ignored field. */
export const strict = { additionalProperties: false } as const;

/** `schema | null` — used for values that may be undefined (e.g. a metric with no positive predictions). */
export const Nullable = <S extends TSchema>(schema: S) => T.Union([schema, T.Null()]);

/** A calendar date `YYYY-MM-DD`. */
export const IsoDate = T.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** A number in [0, 1]. */
export const Probability = T.Number({ minimum: 0, maximum: 1 });

/** A lowercase hex SHA-256 digest. */
export const Sha256 = T.String({ pattern: '^[0-9a-f]{64}$' });

/** Free-form JSON details (numbers, strings, nested objects) recorded for people, not read by code. */
export const Details = T.Record(T.String(), T.Unknown());
