/**
 * The prediction-log writer thread of a scoring job on a SQLite file: its own connection, so the synchronous inserts
 * (index upkeep: most of a job's database time) run on the second core while the job thread parses and scores.
 *
 * Chunks are committed together, one transaction per `commitRows` rows (or when no chunk came for `idleMs`, or on
 * 'close'): the `predictions_customer` index takes random keys, so every transaction dirties most of its leaf pages
 * whatever its size — 64k rows per commit instead of 8k cut the per-row cost of a million-row job several times.
 * Messages in: {seq, chunk} or 'close'. Out: {ready}, then {seq, rows} once a chunk is committed, or {seq, error}.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteStore } from '../../store/index.js';
import { jobLogColumns, type LogChunk, logRows } from './log-chunk.js';

const commitRows = 65_536;
const idleMs = 100;

const port = parentPort!;
const store = new SqliteStore((workerData as { file: string }).file);
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
    await store.insertMany('predictions', jobLogColumns, batch);
    for (const seq of done) port.postMessage({ seq, rows: 0 });
  } catch (e) {
    const err = e as { code?: string; message?: string };
    const error = { code: err.code ?? 'CHURN_ERR_INTERNAL', message: String(err.message ?? e) };
    for (const seq of done) port.postMessage({ seq, error });
  }
}

port.on('message', async (m: { seq: number; chunk: LogChunk } | 'close') => {
  if (m === 'close') {
    await commit();
    await store.close();
    port.close();
    return;
  }
  for (const r of logRows(m.chunk)) rows.push(r);
  seqs.push(m.seq);
  if (rows.length >= commitRows) await commit();
  else if (!timer) timer = setTimeout(() => void commit(), idleMs);
});
port.postMessage({ ready: true });
