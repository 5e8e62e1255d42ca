/** The configuration schema: every key, its type, range and zero-config default. */
import { type Static, Type as T } from '@sinclair/typebox';

const strict = { additionalProperties: false } as const;

export const ConfigSchema = T.Object(
  {
    /** Store connection: `sqlite:<file>` (default, embedded) or a `postgres://` URL (DATABASE_URL). */
    databaseUrl: T.String({ minLength: 1, default: 'sqlite:data/churn.db' }),
    /** Redis for BullMQ jobs, rate limits and caching (REDIS_URL); empty = in-process equivalents. */
    redisUrl: T.String({ default: '' }),
    paths: T.Object(
      {
        data: T.String({ default: 'data' }),
        processed: T.String({ default: 'data/processed' }),
        outputs: T.String({ default: 'outputs' }),
        models: T.String({ default: 'models' }),
        reports: T.String({ default: 'reports' }),
        bi: T.String({ default: 'bi' }),
      },
      { ...strict, default: {} },
    ),
    generate: T.Object(
      {
        customers: T.Integer({ minimum: 1, maximum: 10_000_000, default: 5000 }),
        months: T.Integer({ minimum: 1, maximum: 120, default: 12 }),
        seed: T.Integer({ minimum: 0, default: 42 }),
        start: T.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', default: '2025-01-01' }),
        /** Target overall monthly churn rate of the synthetic business. */
        monthlyChurnRate: T.Number({ exclusiveMinimum: 0, maximum: 0.5, default: 0.04 }),
      },
      { ...strict, default: {} },
    ),
    features: T.Object(
      {
        horizonDays: T.Integer({ minimum: 1, maximum: 365, default: 30 }),
      },
      { ...strict, default: {} },
    ),
    scoring: T.Object(
      {
        /** Probability cut points between Low | Medium | High | Very High. */
        riskCuts: T.Array(T.Number({ minimum: 0, maximum: 1 }), { minItems: 3, maxItems: 3, default: [0.25, 0.5, 0.75] }),
      },
      { ...strict, default: {} },
    ),
    secrets: T.Object(
      {
        /** Key for pseudonymising customer ids (keyed HMAC) in logs and BI exports (CHURN_SECRETS__HMAC_KEY). */
        hmacKey: T.String({ default: 'churnlab-local-development-key' }),
      },
      { ...strict, default: {} },
    ),
  },
  { ...strict, default: {} },
);

/** A validated, complete configuration. */
export type Config = Static<typeof ConfigSchema>;
