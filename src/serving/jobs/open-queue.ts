/** Picks the job queue of a server or worker: BullMQ when REDIS_URL is set, the in-process queue otherwise. */
import type { ServingDeps } from '../deps.js';
import type { JobQueue } from './job-queue.js';

/** The configured queue (in-process until the BullMQ adapter lands). */
export async function openJobQueue(_deps: ServingDeps): Promise<JobQueue> {
  return {
    kind: 'memory',
    enqueue: async () => {
      throw new Error('jobs not implemented yet');
    },
    status: async () => null,
    depth: async () => ({ waiting: 0, active: 0 }),
    close: async () => {},
  };
}
