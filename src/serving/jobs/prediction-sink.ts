/**
 * Where a scoring job's prediction-log rows go. On a SQLite file big jobs hand their chunks to a writer thread with its
 * own connection (the inserts are synchronous: on the job's thread they would stop parsing and scoring); on PostgreSQL
 * (the server does the work) and small jobs the job's own store writes them. Either way only a few chunks wait,
 * and `close` resolves only when every row is stored — a job is never reported done before its log is complete.
 */
import type { Store } from '../../store/index.js';
import { logColumns } from '../log/log-columns.js';
import { startLogWriter, writerThreadFile } from '../log/writer-client.js';
import { type LogChunk, logRows } from './log-chunk.js';

/** A job's prediction-log writer. */
export interface PredictionSink {
  /** Queues a chunk; resolves once fewer than the in-flight limit are waiting. Rejects after a failed write. */
  write(chunk: LogChunk): Promise<void>;
  /** Resolves when every chunk is stored (rejects with the first failure); frees the writer either way. */
  close(): Promise<void>;
}

/** Chunks waiting at most: the store keeps one writing while the job scores the next; the thread commits 8 at once. */
const storeInFlight = 3;
const threadInFlight = 16;

/** How a job's log rows are written. */
export interface SinkOptions {
  store: Store;
  /** Input size of the job, and the size from which a SQLite file's log is written by the thread. */
  bytes: number;
  threadMinBytes: number;
}

/** The writer for one job. */
export async function openPredictionSink(o: SinkOptions): Promise<PredictionSink> {
  const file = writerThreadFile(o.store);
  return file !== null && o.bytes >= o.threadMinBytes ? threadSink(file) : storeSink(o.store);
}

/** Tracks pending writes: waits while `inFlight` are pending, keeps the first failure. */
function pendingWrites(inFlight: number) {
  const pending = new Set<Promise<unknown>>();
  let failure: unknown = null;
  return {
    add(p: Promise<unknown>) {
      const tracked: Promise<void> = p.then(
        () => {
          pending.delete(tracked);
        },
        (e) => {
          failure ??= e;
          pending.delete(tracked);
        },
      );
      pending.add(tracked);
    },
    async room() {
      while (pending.size >= inFlight) await Promise.race(pending);
      if (failure) throw failure;
    },
    async drain() {
      while (pending.size > 0) await Promise.race(pending);
      if (failure) throw failure;
    },
  };
}

/** Writes through the job's store (PostgreSQL: the database works while the job scores the next chunk). */
function storeSink(store: Store): PredictionSink {
  const writes = pendingWrites(storeInFlight);
  return {
    async write(chunk) {
      await writes.room();
      writes.add(store.insertMany('predictions', logColumns, logRows(chunk)));
    },
    close: () => writes.drain(),
  };
}

async function threadSink(file: string): Promise<PredictionSink> {
  const thread = await startLogWriter(file);
  const writes = pendingWrites(threadInFlight);
  let closed = false;
  return {
    async write(chunk) {
      await writes.room();
      writes.add(thread.writeChunk(chunk));
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await writes.drain();
      } finally {
        await thread.close();
      }
    },
  };
}
