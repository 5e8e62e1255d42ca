/** A job's folder in the shared jobs directory: input.csv, result.csv, errors.csv and status.json (written atomically). */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { JobStatus } from './job-queue.js';

/** Job ids are UUIDs; anything else never reaches the file system. */
export const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The files of job `id` under `root`. */
export function jobFiles(root: string, id: string) {
  const dir = path.join(root, id);
  return {
    dir,
    input: path.join(dir, 'input.csv'),
    result: path.join(dir, 'result.csv'),
    errors: path.join(dir, 'errors.csv'),
    status: path.join(dir, 'status.json'),
  };
}

/** Writes a job's status (tmp + rename: a reader never sees half a file). */
export function writeStatus(root: string, status: JobStatus): void {
  const f = jobFiles(root, status.id);
  mkdirSync(f.dir, { recursive: true });
  writeFileSync(`${f.status}.tmp`, JSON.stringify(status));
  renameSync(`${f.status}.tmp`, f.status);
}

/** A job's status, or null when there is no such job. */
export function readStatus(root: string, id: string): JobStatus | null {
  if (!JOB_ID.test(id)) return null;
  const f = jobFiles(root, id);
  if (!existsSync(f.status)) return null;
  try {
    return JSON.parse(readFileSync(f.status, 'utf8')) as JobStatus;
  } catch {
    return null; // being replaced right now: the next poll sees it
  }
}

/** A new job's first status. */
export function queuedStatus(id: string, bytesTotal: number): JobStatus {
  return {
    id,
    state: 'queued',
    rowsRead: 0,
    rowsScored: 0,
    rowsRejected: 0,
    bytesTotal,
    bytesRead: 0,
    modelId: null,
    createdAt: new Date().toISOString(),
    finishedAt: null,
    error: null,
  };
}
