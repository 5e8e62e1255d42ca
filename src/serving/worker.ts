/** `churn worker`: a BullMQ worker process scoring CSV jobs with the current model (hot-reloaded like a server). */
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import type { LoadedConfig } from '../config/index.js';
import { ChurnError } from '../errors/index.js';
import { registryDir } from '../registry/index.js';
import { openStore } from '../store/index.js';
import { startBullWorker } from './jobs/bullmq-queue.js';
import { jobContextOf } from './jobs/open-queue.js';
import { createModelHolder, followChampion, loadChampion } from './model/current-model.js';
import { pseudonymiser } from './server.js';

/** A running worker; `close` lets the current job finish (queued jobs stay in Redis). */
export interface RunningWorker {
  close(): Promise<void>;
}

/** Starts a worker; CHURN_ERR_CONFIG without REDIS_URL (without Redis, `churn serve` runs jobs itself). */
export async function startWorker(config: LoadedConfig, logger?: FastifyBaseLogger): Promise<RunningWorker> {
  if (config.redisUrl === '')
    throw new ChurnError('CHURN_ERR_CONFIG', 'churn worker needs REDIS_URL (without Redis, churn serve runs jobs in-process)', {
      key: 'redisUrl',
    });
  const log = logger ?? (pino({ level: process.env.CHURN_LOG_LEVEL ?? 'info' }) as unknown as FastifyBaseLogger);
  const store = await openStore(config.databaseUrl, { baseDir: config.projectDir });
  await store.migrate();
  const dir = registryDir(config);
  const models = createModelHolder(await loadChampion(dir));
  const watcher = followChampion(dir, models, {
    intervalMs: config.serving.reloadIntervalMs,
    onError: (e) => log.error({ err: e }, 'new champion failed to load; keeping the current model'),
    onReload: (m) => log.info({ modelId: m?.id ?? null }, 'model reloaded'),
  });
  const worker = startBullWorker(
    jobContextOf({ config, models, store, pseudonymise: pseudonymiser(config.secrets.hmacKey) }),
    config.redisUrl,
    log,
  );
  log.info({ modelId: models.peek()?.id ?? null }, 'churn worker ready');
  return {
    async close() {
      watcher.close();
      await worker.close();
      await store.close();
    },
  };
}
