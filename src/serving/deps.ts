/** ServingDeps: everything a route plugin may use, built once per server and handed to every plugin. */
import type { FastifyBaseLogger } from 'fastify';
import type { LoadedConfig } from '../config/index.js';
import type { Store } from '../store/index.js';
import type { CustomerScorer } from './customers/customer-scores.js';
import type { PredictionCache } from './customers/prediction-cache.js';
import type { JobQueue } from './jobs/job-queue.js';
import type { ServingMetrics } from './metrics.js';
import type { ModelHolder } from './model/holder.js';

/** A scope an API key can hold; `public` routes need no key at all. */
export type Scope = 'predict' | 'admin';

/** One prediction as the log records it (a row of the `predictions` table). */
export interface LoggedPrediction {
  source: 'api' | 'batch' | 'job';
  requestId: string;
  /** Pseudonymised customer id (keyed HMAC), or null for anonymous feature records. */
  customerRef: string | null;
  /**
   * Instead of customerRef: the customer id itself, which the log pseudonymises (the same keyed HMAC) when it writes the
   * row — off the request path, on the writer thread when there is one. Only for a log that was given the HMAC key.
   */
  customerId?: string;
  snapshotDate: string | null;
  modelId: string;
  inputHash: string;
  probability: number;
  decision: 0 | 1;
  riskBucket: string;
  /** Model-input feature values (feature-contract names); serialised by the log's flush, off the request path. */
  features?: Readonly<Record<string, number | string | null>> | null;
}

/** The buffered prediction log: `add` never waits for the store; `flush` writes everything buffered. */
export interface PredictionLog {
  add(row: LoggedPrediction): void;
  flush(): Promise<void>;
  /** Rows accepted but not yet written. */
  pending(): number;
  close(): Promise<void>;
}

/** An API key as the server sees it after verification (never the secret itself). */
export interface ApiKeyIdentity {
  keyId: string;
  name: string;
  scopes: readonly Scope[];
}

/** Looks up API keys by their secret (hashed before any comparison). */
export interface KeyVerifier {
  verify(secret: string): Promise<ApiKeyIdentity | null>;
  /** A recent answer of `verify` for this secret (null = not a valid key), or undefined when there is none. */
  cached(secret: string): ApiKeyIdentity | null | undefined;
}

/**
 * What every route plugin receives. Plugins read the current model through `models.current()` on each request
 * (never keep the returned object past the request: hot reload swaps it), and throw ChurnError for every failure;
 * the app turns it into problem+json.
 */
export interface ServingDeps {
  config: LoadedConfig;
  store: Store;
  /** The current model (artifact + scorer), hot-reloaded on promotion. */
  models: ModelHolder;
  logger: FastifyBaseLogger;
  predictionLog: PredictionLog;
  keys: KeyVerifier;
  /** Keyed HMAC of a customer id: what logs and the prediction log hold instead of the id. */
  pseudonymise(customerId: string): string;
  /** Local demo mode: no API keys required (loopback only). */
  demo: boolean;
  metrics: ServingMetrics;
  /** Serving-core services (jobs, cache); plugins of other groups need not use them. */
  core: CoreServices;
}

/** Services only the serving core's own routes use. */
export interface CoreServices {
  customers: CustomerScorer;
  cache: PredictionCache;
  jobs: JobQueue;
}
