/**
 * What several benches share: timing a step in wall-clock and CPU seconds, and the generated business they read —
 * bench/out/features-<N>k-<M>m.db, written once (seed 42) and reused by bench/features.ts and bench/monitor.ts.
 */
import { existsSync, rmSync } from 'node:fs';
import { generateBusiness, storeSink } from '../src/data/index.js';
import { openStore, type Store } from '../src/store/index.js';

/** Wall-clock and CPU seconds (all threads of this process): the machine is shared, so benches print both. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number, number]> {
  const t = performance.now();
  const c = process.cpuUsage();
  const out = await fn();
  const u = process.cpuUsage(c);
  return [out, (performance.now() - t) / 1000, (u.user + u.system) / 1e6];
}

/** The shared store file of a generated business of `customers` × `months`. */
export const generatedStoreFile = (customers: number, months: number) => `bench/out/features-${customers / 1000}k-${months}m.db`;

/** Opens the generated store, generating it first when the file does not exist (a failed generation leaves no file). */
export async function openGeneratedStore(customers: number, months: number): Promise<Store> {
  const file = generatedStoreFile(customers, months);
  if (existsSync(file)) return openStore(file); // applies any new migration (indexes) to the reused file
  console.log(`generating ${customers} customers × ${months} months into ${file} (once) …`);
  const store = await openStore(file);
  try {
    const [, s] = await timed(() => generateBusiness({ customers, months, seed: 42 }, storeSink(store)));
    console.log(`generated in ${s.toFixed(1)} s`);
    await store.exec('ANALYZE');
  } catch (e) {
    await store.close();
    rmSync(file, { force: true });
    throw e;
  }
  return store;
}
