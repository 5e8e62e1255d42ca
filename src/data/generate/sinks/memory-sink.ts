/** A sink that keeps every row in memory: for tests and small experiments only (memory grows with N). */
import { emptyBatch, type RowBatch, type RowSink } from '../batch.js';

/** A sink plus the tables it collected (rows as arrays in contract column order). */
export interface MemorySink extends RowSink {
  tables: RowBatch;
}

/** Collects all rows; `tables[t]` is filled in generation order. */
export function memorySink(): MemorySink {
  const tables = emptyBatch();
  return {
    tables,
    async open() {},
    async write(batch) {
      for (const t of Object.keys(batch) as (keyof RowBatch)[]) for (const row of batch[t]) tables[t].push(row);
    },
    async close() {},
  };
}
