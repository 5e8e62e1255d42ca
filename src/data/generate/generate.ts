/** The generator: simulates customers one by one and streams their rows to a sink in batches. */
import { assertColumnsMatchContract, emptyBatch, type RowSink } from './batch.js';
import { calibrateHazard } from './calibrate.js';
import { CustomerSim } from './customer.js';
import { type GenerateOptions, resolveOptions } from './options.js';
import { type GenerateSummary, Tally } from './summary.js';
import { makeWorld } from './world.js';

/** Optional progress callback: customers done so far of the total. */
export type GenerateProgress = (done: number, total: number) => void;

/**
 * Generates a synthetic subscription business and writes it to `sink`. Memory stays bounded: only one batch of
 * whole customers is held at a time (plus one being written). Same options → same rows in the same order.
 */
export async function generateBusiness(
  options: GenerateOptions,
  sink: RowSink,
  onProgress?: GenerateProgress,
): Promise<GenerateSummary> {
  assertColumnsMatchContract();
  const resolved = resolveOptions(options);
  const world = makeWorld(resolved, calibrateHazard(resolved));
  const tally = new Tally(world.cal);
  await sink.open();
  let pending: Promise<void> | null = null;
  let failed = true;
  try {
    for (let from = 0; from < resolved.customers; from += resolved.batchCustomers) {
      const batch = emptyBatch();
      const to = Math.min(resolved.customers, from + resolved.batchCustomers);
      for (let i = from; i < to; i++) new CustomerSim(world, i, batch, tally).run();
      // Overlap: simulate the next batch while an asynchronous sink (PostgreSQL) writes this one.
      if (pending) await pending;
      pending = sink.write(batch);
      pending.catch(() => undefined);
      onProgress?.(to, resolved.customers);
    }
    if (pending) await pending;
    failed = false;
  } finally {
    if (!failed) await sink.close();
    else {
      // Let the batch in flight finish (or fail) first, so what the sink holds afterwards is well defined.
      await pending?.catch(() => undefined);
      await (sink.abort ? sink.abort() : sink.close()).catch(() => undefined); // the first error is the one to report
    }
  }
  return tally.summary(resolved.customers, resolved.monthlyChurnRate);
}
