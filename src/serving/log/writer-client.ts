/**
 * The main-thread side of the prediction-log writer thread (writer-thread.ts): boots it on a SQLite file, posts batches
 * and resolves each one when the thread has committed it.
 */
import { Worker } from 'node:worker_threads';
import { ChurnError, type ChurnErrorCode, errorCatalogue } from '../../errors/index.js';
import { workerBootSource } from '../../ml/index.js';
import { SqliteStore, type Store } from '../../store/index.js';
import type { LogChunk } from '../jobs/log-chunk.js';

/** The SQLite file a writer thread can open beside `store`'s own connection, or null (PostgreSQL, in-memory SQLite). */
export const writerThreadFile = (store: Store): string | null =>
  store instanceof SqliteStore && store.file !== ':memory:' ? store.file : null;

/** A running writer thread. */
export interface LogWriterThread {
  /** A job's chunk (its typed arrays are transferred) — resolves once committed, rejects if the write failed. */
  writeChunk(chunk: LogChunk): Promise<void>;
  /**
   * Request-log rows in `logColumns` order, features as objects (cloned), raw customer ids to pseudonymise past the
   * columns (started with the HMAC key) — resolves once committed.
   */
  writeRows(rows: unknown[][]): Promise<void>;
  /** True once the thread has died (every later write rejects). */
  readonly stopped: boolean;
  /** Commits what is pending, closes the thread's connection and waits for it to exit (terminated after 5 s). */
  close(): Promise<void>;
}

type Reply = { ready: true } | { seq: number } | { seq: number; error: { code: string; message: string } };

/**
 * Starts a writer thread on `file` and resolves when its connection is open. With `hmacKey`, request-log rows may
 * carry raw customer ids: the thread pseudonymises them.
 */
export async function startLogWriter(file: string, options: { hmacKey?: string } = {}): Promise<LogWriterThread> {
  const worker = new Worker(workerBootSource(import.meta.url, 'writer-thread'), {
    eval: true,
    workerData: { file, hmacKey: options.hmacKey },
  });
  const exited = new Promise((r) => worker.once('exit', r));
  const waiting = new Map<number, { resolve: () => void; reject: (e: unknown) => void }>();
  let seq = 0;
  let dead: unknown = null;
  const fail = (e: unknown) => {
    dead ??= e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  await new Promise<void>((resolve, reject) => {
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
  const post = (message: object, transfer: ArrayBuffer[] = []) => {
    if (dead) return Promise.reject(dead);
    const n = seq++;
    const done = new Promise<void>((resolve, reject) => waiting.set(n, { resolve, reject }));
    worker.postMessage({ seq: n, ...message }, transfer);
    return done;
  };
  let closed: Promise<void> | null = null;
  return {
    writeChunk: (chunk) => post({ chunk }, [chunk.probability.buffer as ArrayBuffer, chunk.decision.buffer as ArrayBuffer]),
    writeRows: (rows) => post({ rows }),
    get stopped() {
      return dead !== null;
    },
    close() {
      closed ??= (async () => {
        worker.postMessage('close');
        const timer = setTimeout(() => void worker.terminate(), 5000);
        await exited;
        clearTimeout(timer);
      })();
      return closed;
    },
  };
}
