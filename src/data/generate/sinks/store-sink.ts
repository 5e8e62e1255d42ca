/** A sink that inserts batches into a Store: one transaction per batch, parents before children (FKs are on). */
import { ChurnError } from '../../../errors/index.js';
import type { Store } from '../../../store/index.js';
import { contracts, rawTableNames } from '../../contract/index.js';
import type { RowBatch, RowSink } from '../batch.js';

export interface StoreSinkOptions {
  /** Delete every row of the raw tables before writing (default false: a non-empty store is refused). */
  replace?: boolean;
}

/** Writes generated rows into the raw tables of a migrated store. */
export function storeSink(store: Store, options: StoreSinkOptions = {}): RowSink & { written: number } {
  const sink = {
    written: 0,
    async open() {
      if (options.replace) {
        await store.transaction(async (tx) => {
          for (const t of [...rawTableNames].reverse()) await tx.run(`DELETE FROM ${t}`);
        });
        return;
      }
      const [{ n }] = await store.all<{ n: number }>('SELECT COUNT(*) AS n FROM customers');
      if (Number(n) > 0)
        throw new ChurnError(
          'CHURN_ERR_STORE',
          `The ${store.engine} store already holds ${n} customers; generating would collide with their ids. ` +
            'Use replace (CLI: --replace) to delete the raw tables first, or --out DIR to write CSV files.',
          { engine: store.engine, customers: Number(n) },
        );
    },
    async write(batch: RowBatch) {
      await store.transaction(async (tx) => {
        for (const t of rawTableNames) {
          if (batch[t].length) sink.written += await tx.insertMany(t, contracts[t].columns, batch[t]);
        }
      });
    },
    async close() {},
  };
  return sink;
}
