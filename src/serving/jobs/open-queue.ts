/** Picks the job queue of a server: BullMQ when REDIS_URL is set, the in-process queue otherwise. */
import { resolvePath } from '../../config/index.js';
import type { ServingDeps } from '../deps.js';
import { bullJobQueue } from './bullmq-queue.js';
import type { JobQueue } from './job-queue.js';
import { memoryJobQueue } from './memory-queue.js';
import type { JobContext } from './score-csv.js';

/** The jobs folder and what a job needs, from the server's dependencies. */
export function jobContextOf(deps: Pick<ServingDeps, 'config' | 'models' | 'store' | 'pseudonymise'>): JobContext {
  return {
    root: resolvePath(deps.config, deps.config.serving.jobsDir),
    models: deps.models,
    store: deps.store,
    pseudonymise: deps.pseudonymise,
    hmacKey: deps.config.secrets.hmacKey,
  };
}

/** The configured queue. */
export async function openJobQueue(deps: ServingDeps): Promise<JobQueue> {
  const ctx = jobContextOf(deps);
  return deps.config.redisUrl !== '' ? bullJobQueue(ctx.root, deps.config.redisUrl) : memoryJobQueue(ctx, deps.logger);
}
