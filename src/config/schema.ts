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
        /** How many of the latest mature cutoffs `churn features build` holds out for out-of-time validation. */
        validationCutoffs: T.Integer({ minimum: 1, maximum: 24, default: 1 }),
      },
      { ...strict, default: {} },
    ),
    scoring: T.Object(
      {
        /**
         * Cut points between Low | Medium | High | Very High: `auto` (default) = 1×, 2×, 4× the training churn rate
         * (see src/registry/risk-cuts.ts), or three increasing probabilities such as [0.25, 0.5, 0.75].
         */
        riskCuts: T.Union([T.Literal('auto'), T.Array(T.Number({ minimum: 0, maximum: 1 }), { minItems: 3, maxItems: 3 })], {
          default: 'auto',
        }),
      },
      { ...strict, default: {} },
    ),
    /** `churn train` defaults (docs/training.md); every key has a command-line override. */
    training: T.Object(
      {
        /** Candidate families: lr, rf, gb, hgb (or logistic, random_forest, gradient_boosting, hist_boosting). */
        models: T.Array(T.String({ minLength: 1 }), { minItems: 1, default: ['lr', 'rf', 'gb', 'hgb'] }),
        /** Estimated seconds (on a 2-core reference machine) the hyper-parameter search may spend over all families. */
        budgetSeconds: T.Number({ minimum: 0, default: 30 }),
        /** Probability calibration fitted on held-out rows: none, platt or isotonic. */
        calibrate: T.Union([T.Literal('none'), T.Literal('platt'), T.Literal('isotonic')], { default: 'none' }),
        /** Decision-threshold rule: f1 (F1-optimal) or cost (contact cost vs revenue saved). */
        threshold: T.Union([T.Literal('f1'), T.Literal('cost')], { default: 'f1' }),
        /** Seed of every random choice of a training run. */
        seed: T.Integer({ minimum: 0, maximum: 0xffffffff, default: 42 }),
        /** Folds of the stratified cross-validation of `churn train --table`. */
        folds: T.Integer({ minimum: 2, maximum: 20, default: 5 }),
        /** The economics of the cost threshold: per-row benefit = monthly revenue × monthsSaved × uplift; cost = contactCost. */
        cost: T.Object(
          {
            contactCost: T.Number({ minimum: 0, default: 10 }),
            monthsSaved: T.Number({ exclusiveMinimum: 0, default: 6 }),
            uplift: T.Number({ exclusiveMinimum: 0, maximum: 1, default: 0.3 }),
          },
          { ...strict, default: {} },
        ),
      },
      { ...strict, default: {} },
    ),
    /** `churn serve` / `churn worker` (docs/api.md). */
    serving: T.Object(
      {
        port: T.Integer({ minimum: 0, maximum: 65535, default: 8000 }),
        host: T.String({ minLength: 1, default: '127.0.0.1' }),
        /** Largest JSON body in bytes (a 10,000-row batch is ~5 MB). */
        bodyLimitBytes: T.Integer({ minimum: 1024, default: 20 * 1024 * 1024 }),
        /** Most rows one /batch_predict may carry. */
        batchMaxRows: T.Integer({ minimum: 1, maximum: 1_000_000, default: 10_000 }),
        /** Largest CSV upload of /jobs/score in bytes. */
        uploadMaxBytes: T.Integer({ minimum: 1024, default: 10 * 1024 ** 3 }),
        /** Requests per key (or per client address without a key) per window. */
        rateLimit: T.Object(
          {
            max: T.Integer({ minimum: 1, default: 1200 }),
            windowMs: T.Integer({ minimum: 100, default: 60_000 }),
          },
          { ...strict, default: {} },
        ),
        /** Origins allowed by CORS; empty = CORS off. */
        corsOrigins: T.Array(T.String({ minLength: 1 }), { default: [] }),
        /** HTTPS when both are set (PEM files). */
        tlsCertFile: T.String({ default: '' }),
        tlsKeyFile: T.String({ default: '' }),
        /** Prediction log: rows per store write and the longest a row waits in the buffer. */
        logBatchRows: T.Integer({ minimum: 1, default: 1000 }),
        logFlushMs: T.Integer({ minimum: 10, default: 1000 }),
        /** `{customer_id}` prediction cache: entries (in-memory LRU) and lifetime. */
        cacheEntries: T.Integer({ minimum: 0, default: 100_000 }),
        cacheTtlSeconds: T.Integer({ minimum: 1, default: 3600 }),
        /** Folder of uploaded and scored CSV files of jobs (shared by API and workers). */
        jobsDir: T.String({ default: 'data/jobs' }),
        /** How often servers and workers look for a newly promoted model. */
        reloadIntervalMs: T.Integer({ minimum: 50, default: 1000 }),
        /** How long a verified API key is trusted before it is looked up again (revocation delay). */
        keyCacheSeconds: T.Integer({ minimum: 0, default: 10 }),
      },
      { ...strict, default: {} },
    ),
    monitoring: T.Object(
      {
        /** PSI at or above this is "moderate" drift. */
        psiModerate: T.Number({ minimum: 0, default: 0.1 }),
        /** PSI above this is "drift" and raises an alert. */
        psiDrift: T.Number({ exclusiveMinimum: 0, default: 0.2 }),
        /** The dataset drifts when at least this share of features drift (or the score does). */
        datasetShare: T.Number({ exclusiveMinimum: 0, maximum: 1, default: 0.25 }),
        /** Floor for empty-bin shares in PSI. */
        psiEpsilon: T.Number({ exclusiveMinimum: 0, maximum: 0.01, default: 1e-4 }),
        /** Realised accuracy below this on a matured cohort raises an alert. */
        accuracyMin: T.Number({ minimum: 0, maximum: 1, default: 0.7 }),
        /** Slack-compatible webhook for alerts (empty = log and table only). */
        webhookUrl: T.String({ default: '' }),
        /** Delivery attempts per alert (exponential back-off between them). */
        webhookAttempts: T.Integer({ minimum: 1, maximum: 10, default: 4 }),
        /** First back-off delay in ms (doubles each retry). */
        webhookBackoffMs: T.Integer({ minimum: 0, maximum: 60_000, default: 500 }),
        /** API base URL whose /health and /metrics the monitor checks (empty = skip). */
        apiUrl: T.String({ default: '' }),
        /** Share of 5xx replies since the previous check above which the API is alerted on as erroring. */
        apiErrorRate: T.Number({ minimum: 0, maximum: 1, default: 0.05 }),
        /** Requests the API must have answered since the previous check before its error rate is judged. */
        apiMinRequests: T.Integer({ minimum: 1, default: 20 }),
        /** A challenger must beat the champion's ROC-AUC by this much to be promoted. */
        retrainMargin: T.Number({ minimum: 0, maximum: 0.5, default: 0.005 }),
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
