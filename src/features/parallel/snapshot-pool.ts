/**
 * Several snapshots at once, using both cores: on a SQLite file a helper thread (its own read connection) computes every
 * other cutoff while this thread computes the rest; on PostgreSQL two queries run concurrently on the pool. In-memory
 * SQLite (tests) runs sequentially. Results are identical to calling snapshotAt one cutoff at a time.
 */
import { Worker } from 'node:worker_threads';
import { ChurnError } from '../../errors/index.js';
import { workerBootSource } from '../../ml/index.js';
import { SqliteStore, type Store } from '../../store/index.js';
import type { DataRange } from '../data-range.js';
import { type Snapshot, snapshotAt } from '../snapshot.js';

/** What a helper thread is asked to compute. */
export interface SnapshotJob {
  file: string;
  cutoffs: string[];
  horizonDays: number;
  range: DataRange;
}

export interface PoolOptions {
  horizonDays: number;
  range: DataRange;
  /** false = one snapshot at a time on this thread; true = always two at once; unset = two at once on large data only. */
  parallel?: boolean;
  onSnapshot?: (done: number, cutoff: string) => void;
}

/**
 * Below this many customers the helper thread costs more than the half of the snapshots it takes over. A 5,000-customer
 * snapshot takes ~0.15 s. Compiled (dist, `npm start`) the helper starts in ~0.1 s CPU: 9 snapshots of 5,000 took 1.3 s
 * wall with it vs 1.6 s without. From source (tsx: vitest, bench) it compiles its modules first, which paid only from
 * 20,000 customers until the threads stopped loading the whole data layer for the vocabularies: at 5,000 customers the
 * training run is now 0.25–0.3 s shorter with it from source too (3 alternating pairs, 6.0 vs 6.3 s). A 71,000-customer
 * snapshot takes ~3.8 s, where the helper halves the wall time either way.
 */
export const HELPER_MIN_CUSTOMERS = 2_000;

/** Whether a helper thread pays off: forced by `parallel`, else decided by the number of customers. */
export const helperThreadPays = (customers: number, parallel?: boolean) => parallel ?? customers >= HELPER_MIN_CUSTOMERS;

/** Snapshots at every cutoff, in cutoff order. */
export async function snapshotsAt(store: Store, cutoffs: readonly string[], options: PoolOptions): Promise<Snapshot[]> {
  const out = new Array<Snapshot>(cutoffs.length);
  let done = 0;
  const one = async (i: number) => {
    out[i] = await snapshotAt(store, cutoffs[i], options);
    options.onSnapshot?.(++done, cutoffs[i]);
  };
  const parallel = options.parallel !== false && cutoffs.length > 1;
  if (
    parallel &&
    store instanceof SqliteStore &&
    store.db.name !== ':memory:' &&
    !store.db.inTransaction &&
    helperThreadPays(customerCount(store), options.parallel)
  ) {
    const helperIndexes = cutoffs.map((_, i) => i).filter((i) => i % 2 === 1);
    const helper = runHelper(
      {
        file: store.db.name,
        cutoffs: helperIndexes.map((i) => cutoffs[i]),
        horizonDays: options.horizonDays,
        range: options.range,
      },
      (k, snap) => {
        out[helperIndexes[k]] = snap;
        options.onSnapshot?.(++done, snap.cutoff);
      },
    );
    for (let i = 0; i < cutoffs.length; i += 2) await one(i);
    await helper;
  } else if (parallel && store.engine === 'postgres') {
    for (let i = 0; i < cutoffs.length; i += 2) await Promise.all([one(i), ...(i + 1 < cutoffs.length ? [one(i + 1)] : [])]);
  } else for (let i = 0; i < cutoffs.length; i++) await one(i);
  return out;
}

/** Customers in the store (one indexed count, far cheaper than any snapshot). */
function customerCount(store: SqliteStore): number {
  return (store.db.prepare('SELECT COUNT(*) AS n FROM customers').get() as { n: number }).n;
}

function runHelper(job: SnapshotJob, onSnapshot: (k: number, snap: Snapshot) => void): Promise<void> {
  const boot = workerBootSource(
    import.meta.url,
    'snapshot-worker',
    "(e) => require('node:worker_threads').parentPort.postMessage({ error: String((e && e.stack) || e) })",
  );
  return new Promise((resolve, reject) => {
    const worker = new Worker(boot, { eval: true, workerData: job });
    let received = 0;
    let failed = false;
    worker.on('message', (m: { snapshot?: Snapshot; error?: string }) => {
      if (m.error) {
        failed = true;
        reject(new ChurnError('CHURN_ERR_INTERNAL', `snapshot helper thread failed: ${m.error}`, { cutoffs: job.cutoffs }));
        void worker.terminate();
      } else if (m.snapshot) onSnapshot(received++, m.snapshot);
    });
    worker.on('error', (e) => {
      failed = true;
      reject(e);
    });
    worker.on('exit', () => {
      if (failed) return;
      if (received === job.cutoffs.length) resolve();
      else reject(new ChurnError('CHURN_ERR_INTERNAL', 'snapshot helper thread stopped early', { cutoffs: job.cutoffs }));
    });
  });
}
