/** The prediction log: rows buffered in memory and written to `predictions` in batches, off the request path. */
import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../../store/index.js';
import type { LoggedPrediction, PredictionLog } from '../deps.js';
import { hmacRef } from './digests.js';
import { logColumns, pseudonymiseRows, RAW_ID_AT, serialiseFeatureRows } from './log-columns.js';
import { type LogWriterThread, startLogWriter, writerThreadFile } from './writer-client.js';

/**
 * Rows handled between two turns of the event loop: feature values become ~2 KB of JSON a row (or a structured clone
 * to the writer thread), and 10,000 at once would stall the replies waiting behind them.
 */
const SLICE = 250;
const nextTurn = () => new Promise((r) => setImmediate(r));

/** Writes one batch of log rows (features as objects); resolves with the rows that could not be stored, and why. */
type LogWriter = (rows: unknown[][]) => Promise<{ failed: unknown[][]; error?: unknown }>;

/** Through the server's own store connection: PostgreSQL (asynchronous), or SQLite in memory. */
const storeWriter =
  (store: Store, ref: ((id: string) => string) | null): LogWriter =>
  async (rows) => {
    for (let start = 0; start < rows.length; start += SLICE) {
      if (start > 0) await nextTurn();
      const end = Math.min(rows.length, start + SLICE);
      if (ref) pseudonymiseRows(rows, start, end, ref);
      serialiseFeatureRows(rows, start, end);
    }
    try {
      await store.insertMany('predictions', logColumns, rows); // one transaction: all stored or none
      return { failed: [] };
    } catch (error) {
      return { failed: rows, error };
    }
  };

/**
 * Through a writer thread with its own connection (a SQLite file): the synchronous inserts and the JSON are off the
 * main thread, which only clones the rows into the thread, a slice per turn.
 */
const threadWriter =
  (thread: LogWriterThread): LogWriter =>
  async (rows) => {
    const slices: Promise<{ failed: unknown[][]; error?: unknown }>[] = [];
    for (let start = 0; start < rows.length; start += SLICE) {
      if (start > 0) await nextTurn();
      const slice = rows.length <= SLICE ? rows : rows.slice(start, start + SLICE);
      slices.push(
        thread.writeRows(slice).then(
          () => ({ failed: [] }),
          (error) => ({ failed: slice, error }),
        ),
      );
    }
    // Only the slices the thread did not commit are kept, so a retry never stores a row twice.
    const outcomes = await Promise.all(slices);
    return { failed: outcomes.flatMap((o) => o.failed), error: outcomes.find((o) => o.error)?.error };
  };

/**
 * A log that writes when `batchRows` rows are waiting or every `flushMs`. A failed write keeps its rows in the
 * buffer and is retried on the next flush, so a store hiccup loses nothing; `close()` flushes until empty. On a SQLite
 * file the rows are written by a writer thread (falling back to the store's connection if the thread cannot start or
 * stops).
 */
export function bufferedPredictionLog(
  store: Store,
  logger: FastifyBaseLogger,
  options: {
    batchRows: number;
    flushMs: number;
    /** Key of the customer references (secrets.hmacKey): with it, rows may give the customer id (`customerId`). */
    hmacKey?: string;
  },
): PredictionLog {
  let buffer: unknown[][] = [];
  let writing: Promise<void> | null = null;
  const { hmacKey } = options;
  const direct = storeWriter(store, hmacKey === undefined ? null : hmacRef(hmacKey));
  const file = writerThreadFile(store);
  const thread: Promise<LogWriterThread | null> = file
    ? startLogWriter(file, { hmacKey }).catch((e) => {
        logger.warn({ err: e }, 'prediction-log writer thread did not start; writing on the main thread');
        return null;
      })
    : Promise.resolve(null);
  const writer = async (): Promise<LogWriter> => {
    const t = await thread;
    return t && !t.stopped ? threadWriter(t) : direct;
  };
  const write = async (): Promise<void> => {
    while (buffer.length > 0) {
      const rows = buffer;
      buffer = [];
      const { failed, error } = await (await writer())(rows);
      if (failed.length > 0) {
        buffer = failed.concat(buffer); // keep them: retried on the next flush
        logger.error({ err: error, rows: failed.length }, 'prediction log write failed; will retry');
        return;
      }
    }
  };
  const flush = async (): Promise<void> => {
    while (writing) await writing;
    if (buffer.length === 0) return;
    writing = write().finally(() => {
      writing = null;
    });
    await writing;
  };
  const timer = setInterval(() => void flush(), options.flushMs);
  timer.unref();
  // A full buffer is written on the next turn of the event loop, after the reply that filled it has been sent.
  let scheduled = false;
  const flushSoon = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      void flush();
    });
  };
  // One ISO timestamp per millisecond rather than one Date per logged row (a 10,000-row batch lands in a few ms).
  let stampMs = -1;
  let stamp = '';
  const now = () => {
    const ms = Date.now();
    if (ms !== stampMs) {
      stampMs = ms;
      stamp = new Date(ms).toISOString();
    }
    return stamp;
  };
  return {
    add(p: LoggedPrediction) {
      const row = [
        now(),
        p.source,
        p.requestId,
        p.customerRef,
        p.snapshotDate,
        p.modelId,
        p.inputHash,
        p.probability,
        p.decision,
        p.riskBucket,
        p.features ?? null,
      ];
      if (p.customerId !== undefined) {
        if (hmacKey === undefined) throw new Error('this prediction log has no HMAC key: log customerRef, not customerId');
        row[RAW_ID_AT] = p.customerId;
      }
      buffer.push(row);
      if (buffer.length >= options.batchRows && !writing) flushSoon();
    },
    flush,
    pending: () => buffer.length,
    async close() {
      clearInterval(timer);
      for (let attempt = 0; attempt < 3 && buffer.length > 0; attempt++) await flush();
      while (writing) await writing;
      await (await thread)?.close();
    },
  };
}
