/** Entry of a snapshot helper thread: opens its own read connection to the SQLite file and computes the cutoffs it is given. */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteStore } from '../../store/index.js';
import { snapshotAt } from '../snapshot.js';
import type { SnapshotJob } from './snapshot-pool.js';

const job = workerData as SnapshotJob;
const store = new SqliteStore(job.file);
try {
  for (const cutoff of job.cutoffs) {
    const snap = await snapshotAt(store, cutoff, { horizonDays: job.horizonDays, range: job.range });
    const buffers = [
      snap.label.buffer,
      ...Object.values(snap.frame.columns).flatMap((c) => (c instanceof Float64Array ? [c.buffer] : [])),
    ];
    parentPort?.postMessage({ snapshot: snap }, buffers as ArrayBuffer[]);
  }
} catch (e) {
  parentPort?.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
} finally {
  await store.close();
}
