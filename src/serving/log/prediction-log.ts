/** The prediction log: rows buffered in memory and written to `predictions` in batches, off the request path. */
import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../../store/index.js';
import type { LoggedPrediction, PredictionLog } from '../deps.js';

/** The `predictions` columns of every logged prediction; the log adds `features_json` (the model inputs) after them. */
export const predictionColumns = [
  'created_at',
  'source',
  'request_id',
  'customer_ref',
  'snapshot_date',
  'model_id',
  'input_hash',
  'probability',
  'decision',
  'risk_bucket',
] as const;
const columns = [...predictionColumns, 'features_json'] as const;
const FEATURES = columns.length - 1;

/** Rows serialised between two turns of the event loop (~2 KB of JSON each: 10,000 at once would stall replies). */
const SERIALISE_SLICE = 500;

/**
 * The feature values become JSON here, in the flush, so the request that logged them never pays for it; the work is
 * sliced with a yield between slices so requests arriving meanwhile are answered in between.
 */
async function serialiseFeatures(rows: unknown[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += SERIALISE_SLICE) {
    if (start > 0) await new Promise((r) => setImmediate(r));
    for (let i = start; i < Math.min(rows.length, start + SERIALISE_SLICE); i++) {
      const f = rows[i][FEATURES];
      if (f !== null && typeof f === 'object') rows[i][FEATURES] = JSON.stringify(f);
    }
  }
}

/**
 * A log that writes when `batchRows` rows are waiting or every `flushMs`. A failed write keeps its rows in the
 * buffer and is retried on the next flush, so a store hiccup loses nothing; `close()` flushes until empty.
 */
export function bufferedPredictionLog(
  store: Store,
  logger: FastifyBaseLogger,
  options: { batchRows: number; flushMs: number },
): PredictionLog {
  let buffer: unknown[][] = [];
  let writing: Promise<void> | null = null;
  const write = async (): Promise<void> => {
    while (buffer.length > 0) {
      const rows = buffer;
      buffer = [];
      await serialiseFeatures(rows);
      try {
        await store.insertMany('predictions', columns, rows);
      } catch (e) {
        buffer = rows.concat(buffer); // keep them: retried on the next flush
        logger.error({ err: e, rows: rows.length }, 'prediction log write failed; will retry');
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
  // A full buffer is written on the next turn of the event loop, after the reply that filled it has been sent:
  // SQLite writes are synchronous, and must not sit inside a request's latency.
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
      buffer.push([
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
      ]);
      if (buffer.length >= options.batchRows && !writing) flushSoon();
    },
    flush,
    pending: () => buffer.length,
    async close() {
      clearInterval(timer);
      for (let attempt = 0; attempt < 3 && buffer.length > 0; attempt++) await flush();
      while (writing) await writing;
    },
  };
}
