/** Assembling and running a server: dependencies from configuration, listen, hot reload, graceful shutdown. */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { pino } from 'pino';
import type { LoadedConfig } from '../config/index.js';
import { ChurnError } from '../errors/index.js';
import { registryDir } from '../registry/index.js';
import { openStore, type Store } from '../store/index.js';
import { buildApp } from './app.js';
import { type CustomerScorer, customerScorer } from './customers/customer-scores.js';
import { memoryPredictionCache, redisPredictionCache } from './customers/prediction-cache.js';
import type { ServingDeps } from './deps.js';
import type { JobQueue } from './jobs/job-queue.js';
import { openJobQueue } from './jobs/open-queue.js';
import { storeKeyVerifier } from './keys/key-verifier.js';
import { hmacRef } from './log/digests.js';
import { bufferedPredictionLog } from './log/prediction-log.js';
import { createMetrics } from './metrics.js';
import { createModelHolder, followChampion, loadChampion } from './model/current-model.js';

/** How to start a server. */
export interface ServeOptions {
  config: LoadedConfig;
  port?: number;
  host?: string;
  demo?: boolean;
  /** An open store to use (tests); otherwise the configured one is opened and closed with the server. */
  store?: Store;
  logger?: FastifyBaseLogger;
  /** Folder of the web app build (default web/dist). */
  webDir?: string;
}

/** A running server. */
export interface RunningServer {
  app: FastifyInstance;
  deps: ServingDeps;
  /** Base URL, e.g. http://127.0.0.1:8000 */
  url: string;
  /** Graceful stop: no new connections, in-flight requests finish, jobs and the prediction log are flushed. */
  close(): Promise<void>;
}

/**
 * Keyed HMAC-SHA256 of a customer id (first 16 hex digits): stable per key, not reversible without it. Recent ids are
 * remembered (a CRM re-scores the same customers; one HMAC costs more than the prediction's own scoring).
 */
export function pseudonymiser(key: string): (customerId: string) => string {
  const recent = new LRUCache<string, string>({ max: 10_000 });
  const hmac = hmacRef(key);
  return (id) => {
    let ref = recent.get(id);
    if (ref === undefined) {
      ref = hmac(id);
      recent.set(id, ref);
    }
    return ref;
  };
}

const loopback = new Set(['127.0.0.1', '::1', 'localhost']);

/** Starts `churn serve`. Demo mode is refused on a non-loopback host. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const { config } = options;
  const host = options.host ?? config.serving.host;
  const port = options.port ?? config.serving.port;
  const demo = options.demo ?? false;
  if (demo && !loopback.has(host))
    throw new ChurnError('CHURN_ERR_PARAM', `--demo serves without API keys and is local only: refusing host ${host}`, { host });
  const logger = options.logger ?? (pino({ level: process.env.CHURN_LOG_LEVEL ?? 'info' }) as unknown as FastifyBaseLogger);
  const store = options.store ?? (await openStore(config.databaseUrl, { baseDir: config.projectDir }));
  await store.migrate();
  const dir = registryDir(config);
  const models = createModelHolder(await loadChampion(dir));
  const metrics = createMetrics();
  // Redis (REDIS_URL) shares rate limits and the prediction cache between instances; without it both are in-process.
  const redis = config.redisUrl === '' ? null : new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false });
  const cache =
    redis === null
      ? memoryPredictionCache(config.serving.cacheEntries, config.serving.cacheTtlSeconds)
      : redisPredictionCache(redis, config.serving.cacheTtlSeconds);
  const predictionLog = bufferedPredictionLog(store, logger, {
    batchRows: config.serving.logBatchRows,
    flushMs: config.serving.logFlushMs,
    hmacKey: config.secrets.hmacKey,
  });
  const deps: ServingDeps = {
    config,
    store,
    models,
    logger,
    predictionLog,
    keys: storeKeyVerifier(store, config.serving.keyCacheSeconds),
    pseudonymise: pseudonymiser(config.secrets.hmacKey),
    demo,
    metrics,
    core: { cache, customers: undefined as unknown as CustomerScorer, jobs: undefined as unknown as JobQueue },
  };
  deps.core.customers = customerScorer(deps, cache);
  deps.core.jobs = await openJobQueue(deps);
  models.onSwap(() => {
    void cache.clear();
  });
  const watcher = followChampion(dir, models, {
    intervalMs: config.serving.reloadIntervalMs,
    onError: (e) => {
      metrics.modelReloads.inc({ outcome: 'failed' });
      logger.error({ err: e }, 'new champion failed to load; keeping the current model');
    },
    onReload: (m) => {
      metrics.modelReloads.inc({ outcome: 'ok' });
      logger.info({ modelId: m?.id ?? null }, 'model reloaded');
    },
  });
  const app = await buildApp(deps, { webDir: options.webDir, redis });
  if (demo) logger.warn('DEMO MODE: no API key is required. Local use only; never expose this server to a network.');
  const address = await app.listen({ port, host });
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      watcher.close();
      await app.close(); // stops accepting, waits for in-flight requests
      await deps.core.jobs.close();
      await predictionLog.close();
      redis?.disconnect();
      if (!options.store) await store.close();
    })();
    return closing;
  };
  return { app, deps, url: address, close };
}
