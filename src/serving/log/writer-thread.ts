/**
 * The prediction-log writer thread of a SQLite file: its own connection, so the synchronous inserts (index upkeep and
 * the features JSON: most of the log's cost) run on the second core while the main thread answers requests or a job
 * parses and scores. Used by big scoring jobs and by the server's request log.
 *
 * Batches are committed together, one transaction per `commitRows` rows (or `idleMs` after the first uncommitted batch
 * arrived, or on 'close'): the `predictions_customer` index takes random keys, so every transaction dirties most of its
 * leaf pages whatever its size — 64k rows per commit instead of 8k cut the per-row cost of a million-row job several
 * times. Messages in: {seq, chunk} (a job's columns) or {seq, rows} (request-log rows in `logColumns` order, features
 * as an object, a raw customer id past the columns to pseudonymise with the key given in workerData) or 'close'.
 * Out: {ready}, then {seq} once a batch is committed, or {seq, error}.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteStore } from '../../store/index.js';
import { type LogChunk, logRows } from '../jobs/log-chunk.js';
import { hmacRef } from './digests.js';
import { logColumns, pseudonymiseRows, serialiseFeatureRows } from './log-columns.js';

const commitRows = 65_536;
const idleMs = 100;

const port = parentPort!;
const { file, hmacKey } = workerData as { file: string; hmacKey?: string };
const store = new SqliteStore(file);
const ref = hmacKey === undefined ? null : hmacRef(hmacKey);
let rows: unknown[][] = [];
let seqs: number[] = [];
let timer: NodeJS.Timeout | null = null;

async function commit(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  if (seqs.length === 0) return;
  const batch = rows;
  const done = seqs;
  rows = [];
  seqs = [];
  try {
    await store.insertMany('predictions', logColumns, batch);
    for (const seq of done) port.postMessage({ seq });
  } catch (e) {
    const err = e as { code?: string; message?: string };
    const error = { code: err.code ?? 'CHURN_ERR_INTERNAL', message: String(err.message ?? e) };
    for (const seq of done) port.postMessage({ seq, error });
  }
}

port.on('message', async (m: { seq: number; chunk: LogChunk } | { seq: number; rows: unknown[][] } | 'close') => {
  if (m === 'close') {
    await commit();
    await store.close();
    port.close();
    return;
  }
  if ('chunk' in m) for (const r of logRows(m.chunk)) rows.push(r);
  else {
    if (ref) pseudonymiseRows(m.rows, 0, m.rows.length, ref);
    serialiseFeatureRows(m.rows, 0, m.rows.length);
    for (const r of m.rows) rows.push(r);
  }
  seqs.push(m.seq);
  if (rows.length >= commitRows) await commit();
  else if (!timer) timer = setTimeout(() => void commit(), idleMs);
});
port.postMessage({ ready: true });
