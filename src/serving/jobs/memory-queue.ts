/** The in-process job queue (no Redis): FIFO, one job at a time; jobs left queued or running by a stop are resumed at start. */
import { readdirSync } from 'node:fs';
import type { FastifyBaseLogger } from 'fastify';
import { JOB_ID, queuedStatus, readStatus, writeStatus } from './job-files.js';
import type { JobQueue, JobStatus } from './job-queue.js';
import { type JobContext, runScoringJob } from './score-csv.js';

/** A queue that runs jobs in this process. */
export function memoryJobQueue(ctx: JobContext, logger: FastifyBaseLogger): JobQueue {
  const waiting: string[] = [];
  let running: Promise<void> | null = null;
  let closed = false;
  const pump = () => {
    if (running || closed) return;
    const id = waiting.shift();
    if (id === undefined) return;
    running = runScoringJob(ctx, id)
      .then(
        () => {},
        (e) => logger.error({ err: e, job: id }, 'scoring job failed'),
      )
      .finally(() => {
        running = null;
        pump();
      });
  };
  // Resume what a previous process accepted but did not finish (the files are the record).
  let entries: string[] = [];
  try {
    entries = readdirSync(ctx.root);
  } catch {
    /* no jobs folder yet */
  }
  for (const id of entries.filter((e) => JOB_ID.test(e)).sort()) {
    const s = readStatus(ctx.root, id);
    if (s && (s.state === 'queued' || s.state === 'running')) waiting.push(id);
  }
  setImmediate(pump);
  return {
    kind: 'memory',
    async enqueue(id, bytesTotal): Promise<JobStatus> {
      const status = queuedStatus(id, bytesTotal);
      writeStatus(ctx.root, status);
      waiting.push(id);
      pump();
      return status;
    },
    status: async (id) => readStatus(ctx.root, id),
    depth: async () => ({ waiting: waiting.length, active: running ? 1 : 0 }),
    async close() {
      closed = true; // waiting jobs stay 'queued' on disk and are resumed by the next start
      if (running) await running;
    },
  };
}
