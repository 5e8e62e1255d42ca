/**
 * The prediction-log writer thread of a scoring job on a SQLite file: its own connection, so the synchronous inserts
 * (index upkeep is most of a job's database time), the id HMACs and the row hashes run on the second core while the
 * job thread parses and scores.
 * Messages in: a LogChunk with its sequence number, or 'close'. Messages out: {seq, rows} or {seq, error}.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteStore } from '../../store/index.js';
import { customerRef, jobLogColumns, type LogChunk, logRows } from './log-chunk.js';

const port = parentPort!;
const { file, hmacKey } = workerData as { file: string; hmacKey: string };
const store = new SqliteStore(file);
const pseudonymise = (id: string) => customerRef(hmacKey, id);
port.on('message', async (m: { seq: number; chunk: LogChunk } | 'close') => {
  if (m === 'close') {
    await store.close();
    port.close();
    return;
  }
  try {
    const rows = await store.insertMany('predictions', jobLogColumns, logRows(m.chunk, pseudonymise));
    port.postMessage({ seq: m.seq, rows });
  } catch (e) {
    const err = e as { code?: string; message?: string };
    port.postMessage({ seq: m.seq, error: { code: err.code ?? 'CHURN_ERR_INTERNAL', message: String(err.message ?? e) } });
  }
});
port.postMessage({ ready: true });
