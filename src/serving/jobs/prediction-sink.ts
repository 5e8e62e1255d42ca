/**
 * Where a scoring job's prediction-log rows go. On a SQLite file big jobs hand their chunks to a writer thread with its
 * own connection (the inserts are synchronous: on the job's thread they would stop parsing and scoring); on PostgreSQL
 * (the server does the work) and small jobs the job's own store writes them. Either way only a few chunks wait,
 * and `close` resolves only when every row is stored — a job is never reported done before its log is complete.
 */
import { Worker } from 'node:worker_threads';
import { ChurnError, type ChurnErrorCode, errorCatalogue } from '../../errors/index.js';
import { workerBootSource } from '../../ml/index.js';
import { SqliteStore, type Store } from '../../store/index.js';
import { jobLogColumns, type LogChunk, logRows } from './log-chunk.js';

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
  const { store } = o;
  if (store instanceof SqliteStore && store.file !== ':memory:' && o.bytes >= o.threadMinBytes) return threadSink(store.file);
  return storeSink(store);
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
      writes.add(store.insertMany('predictions', jobLogColumns, logRows(chunk)));
    },
    close: () => writes.drain(),
  };
}

/** The writer thread (see workerBootSource: dist or source). */
function startThread(file: string): Worker {
  return new Worker(workerBootSource(import.meta.url, 'log-writer-thread'), { eval: true, workerData: { file } });
}

type Reply = { ready: true } | { seq: number; rows: number } | { seq: number; error: { code: string; message: string } };

async function threadSink(file: string): Promise<PredictionSink> {
  const worker = startThread(file);
  const exited = new Promise((r) => worker.once('exit', r));
  const waiting = new Map<number, { resolve: () => void; reject: (e: unknown) => void }>();
  let seq = 0;
  let dead: unknown = null;
  const fail = (e: unknown) => {
    dead ??= e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (m: Reply) => {
      if ('ready' in m) return resolve();
      const w = waiting.get(m.seq);
      waiting.delete(m.seq);
      if ('error' in m) {
        const code = (m.error.code in errorCatalogue ? m.error.code : 'CHURN_ERR_INTERNAL') as ChurnErrorCode;
        w?.reject(new ChurnError(code, m.error.message, {}));
      } else w?.resolve();
    });
    worker.on('error', (e) => {
      reject(e);
      fail(e);
    });
    worker.on('exit', () => {
      const e = new Error('the prediction-log writer thread stopped');
      reject(e);
      fail(e);
    });
  });
  await ready;
  const writes = pendingWrites(threadInFlight);
  let closed = false;
  return {
    async write(chunk) {
      await writes.room();
      if (dead) throw dead;
      const n = seq++;
      writes.add(new Promise<void>((resolve, reject) => waiting.set(n, { resolve, reject })));
      worker.postMessage({ seq: n, chunk }, [chunk.probability.buffer as ArrayBuffer, chunk.decision.buffer as ArrayBuffer]);
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await writes.drain();
      } finally {
        worker.postMessage('close');
        const timer = setTimeout(() => void worker.terminate(), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
