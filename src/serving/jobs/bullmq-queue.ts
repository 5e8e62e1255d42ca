/**
 * The BullMQ job queue (REDIS_URL): the API enqueues, `churn worker` processes (any number, on any machine sharing the
 * jobs folder, the store and the model folder). Jobs live in Redis, so they survive an API restart.
 */
import { Queue, Worker } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import { queuedStatus, readStatus, writeStatus } from './job-files.js';
import type { JobQueue, JobStatus } from './job-queue.js';
import { type JobContext, runScoringJob } from './score-csv.js';

/** The queue name every server and worker shares. */
export const QUEUE_NAME = 'churn-score';

/** Redis connection options from a URL (BullMQ workers need maxRetriesPerRequest null). */
export function connectionOf(redisUrl: string) {
  const u = new URL(redisUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password || undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    maxRetriesPerRequest: null,
  };
}

/** The API side: enqueue and report. */
export function bullJobQueue(root: string, redisUrl: string, prefix = 'churn'): JobQueue {
  const queue = new Queue(QUEUE_NAME, { connection: connectionOf(redisUrl), prefix });
  return {
    kind: 'bullmq',
    async enqueue(id, bytesTotal): Promise<JobStatus> {
      const status = queuedStatus(id, bytesTotal);
      writeStatus(root, status);
      await queue.add('score', { id }, { jobId: id, removeOnComplete: 1000, removeOnFail: 1000 });
      return status;
    },
    status: async (id) => readStatus(root, id),
    async depth() {
      const c = await queue.getJobCounts('waiting', 'active', 'delayed');
      return { waiting: (c.waiting ?? 0) + (c.delayed ?? 0), active: c.active ?? 0 };
    },
    close: () => queue.close(),
  };
}

/** The worker side (`churn worker`): runs jobs one at a time (per process) until closed; close waits for the running job. */
export function startBullWorker(ctx: JobContext, redisUrl: string, logger: FastifyBaseLogger, prefix = 'churn'): Worker {
  const worker = new Worker(
    QUEUE_NAME,
    async (job) => {
      const status = await runScoringJob(ctx, (job.data as { id: string }).id);
      if (status.state === 'failed') logger.warn({ job: job.id, error: status.error }, 'scoring job failed');
      return { state: status.state, rowsScored: status.rowsScored };
    },
    { connection: connectionOf(redisUrl), prefix, concurrency: 1 },
  );
  worker.on('error', (e) => logger.error({ err: e }, 'worker error'));
  return worker;
}
