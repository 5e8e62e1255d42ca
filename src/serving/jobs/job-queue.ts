/** Scoring jobs: one interface over BullMQ (REDIS_URL) and an in-process queue; files live in a shared jobs folder. */

/** Where a job is. */
export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** What `GET /jobs/:id` shows. */
export interface JobStatus {
  id: string;
  state: JobState;
  /** Rows read so far / scored / rejected. */
  rowsRead: number;
  rowsScored: number;
  rowsRejected: number;
  /** Upload size and bytes processed (progress = bytesRead / bytesTotal). */
  bytesTotal: number;
  bytesRead: number;
  modelId: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** Why the job failed (a catalogue code and message). */
  error: { code: string; message: string } | null;
}

/** A queue of scoring jobs. */
export interface JobQueue {
  kind: 'bullmq' | 'memory';
  /** Queues the CSV already saved at `jobs/<id>/input.csv`. */
  enqueue(id: string, bytesTotal: number): Promise<JobStatus>;
  status(id: string): Promise<JobStatus | null>;
  /** Jobs waiting and running (the queue-depth gauge). */
  depth(): Promise<{ waiting: number; active: number }>;
  /** Stops taking jobs; in-process: waits for the running job; BullMQ: waiting jobs stay in Redis. */
  close(): Promise<void>;
}
