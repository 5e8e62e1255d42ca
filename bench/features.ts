/**
 * Benchmark of the point-in-time feature layer on SQLite: one snapshot of 100k customers × 12 months, and a 12-cutoff
 * training set. The generated store is written once to bench/out/features-100k.db and reused.
 * Reference measured in the same run: one plain scan that only sums the 90-day usage window (the floor of any snapshot).
 *
 *   npx tsx bench/features.ts [--customers 100000] [--months 12]
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { addDays, buildTrainingSet, dataRange, monthEnd, snapshotAt } from '../src/features/index.js';
import { generatedStoreFile, openGeneratedStore, timed } from './generated-store.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const customers = arg('customers', 100_000);
const months = arg('months', 12);
const file = generatedStoreFile(customers, months);

const load = loadavg()[0];
const store = await openGeneratedStore(customers, months);
const range = await dataRange(store);
const newest = range.newest as string;
const counts = await store.all<{ t: string; n: number }>(
  `SELECT 'usage_daily' AS t, COUNT(*) AS n FROM usage_daily UNION ALL SELECT 'payments', COUNT(*) FROM payments
   UNION ALL SELECT 'support_tickets', COUNT(*) FROM support_tickets UNION ALL SELECT 'subscriptions', COUNT(*) FROM subscriptions`,
);
console.log(`data ${range.oldest} … ${newest}; rows: ${counts.map((c) => `${c.t} ${c.n}`).join(', ')}`);

// The last month end whose 30-day horizon is observed.
let cutoff = monthEnd(newest);
while (addDays(cutoff, 30) > newest) cutoff = monthEnd(addDays(cutoff.slice(0, 8) + '01', -1));

const [, reference, referenceCpu] = await timed(() =>
  store.all(
    'SELECT customer_id, SUM(sessions), SUM(minutes), SUM(crashes) FROM usage_daily WHERE activity_date > ? AND activity_date <= ? GROUP BY customer_id',
    [addDays(cutoff, -90), cutoff],
  ),
);
const [snap, snapSeconds, snapCpu] = await timed(() => snapshotAt(store, cutoff, { horizonDays: 30, range }));
const [snap2, snapSeconds2, snapCpu2] = await timed(() => snapshotAt(store, cutoff, { horizonDays: 30, range }));
if (snap2.frame.nRows !== snap.frame.nRows) throw new Error('snapshot is not deterministic');

// 12 cutoffs: the 15th and the last day of each month, the latest 12 with a mature 30-day horizon.
const candidates: string[] = [];
for (let m = monthEnd(range.oldest as string); m <= newest; m = monthEnd(addDays(m, 1))) candidates.push(`${m.slice(0, 8)}15`, m);
const cutoffs = candidates.filter((c) => addDays(c, 30) <= newest && c >= addDays(range.oldest as string, 60)).slice(-12);
const [set, setSeconds, setCpu] = await timed(() => buildTrainingSet(store, { cutoffs, horizonDays: 30, validationCutoffs: 1 }));

const rows = [
  ['reference: 90-day usage scan', reference, referenceCpu, '', ''],
  [`snapshot at ${cutoff}`, snapSeconds, snapCpu, snap.frame.nRows, '< 10 s'],
  ['snapshot again (warm cache)', snapSeconds2, snapCpu2, snap2.frame.nRows, '< 10 s'],
  [`training set, ${cutoffs.length} cutoffs (2 threads)`, setSeconds, setCpu, set.frame.nRows, '< 60 s'],
] as const;
console.log(
  `\nmachine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}; ` +
    `load average at start ${load.toFixed(1)}; SQLite ${file}`,
);
console.log('| step | wall s | CPU s | rows | wall × reference | target (wall) |\n|---|---:|---:|---:|---:|---|');
for (const [name, s, cpu, n, target] of rows)
  console.log(
    `| ${name} | ${s.toFixed(2)} | ${cpu.toFixed(2)} | ${n === '' ? '' : n.toLocaleString('en')} | ${(s / reference).toFixed(1)} | ${target} |`,
  );
console.log(
  `\nsnapshot rows/s: ${Math.round(snap.frame.nRows / snapSeconds).toLocaleString('en')}; training set rows/s: ${Math.round(set.frame.nRows / setSeconds).toLocaleString('en')}`,
);
console.log(`churn rate per cutoff: ${set.cutoffs.map((c) => `${c.cutoff} ${(100 * c.churnRate).toFixed(1)}%`).join(', ')}`);
await store.close();
