import { describe, expect, it } from 'vitest';
import type { RowBatch, RowSink } from './batch.js';
import { generateBusiness } from './generate.js';

describe('generateBusiness streams whole customers in bounded batches', () => {
  it('hands the sink at most batchCustomers customers per batch, each with all of its child rows', async () => {
    const batches: RowBatch[] = [];
    const calls: string[] = [];
    const sink: RowSink = {
      async open() {
        calls.push('open');
      },
      async write(b) {
        batches.push(b);
      },
      async close() {
        calls.push('close');
      },
    };
    const progress: number[] = [];
    const summary = await generateBusiness({ customers: 250, months: 3, seed: 1, batchCustomers: 60 }, sink, (done) =>
      progress.push(done),
    );
    expect(calls).toEqual(['open', 'close']);
    expect(batches.map((b) => b.customers.length)).toEqual([60, 60, 60, 60, 10]);
    expect(progress).toEqual([60, 120, 180, 240, 250]);
    for (const b of batches) {
      const ids = new Set(b.customers.map((r) => r[0]));
      for (const t of ['subscriptions', 'usage_daily', 'payments', 'support_tickets'] as const) {
        const col = t === 'usage_daily' ? 0 : 1;
        expect(
          b[t].every((r) => ids.has(r[col] as string)),
          t,
        ).toBe(true);
      }
    }
    expect(batches.reduce((n, b) => n + b.usage_daily.length, 0)).toBe(summary.rows.usage_daily);
  });

  it('closes the sink and reports the error when a write fails', async () => {
    let closed = false;
    const sink: RowSink = {
      async open() {},
      async write() {
        throw new Error('disk full');
      },
      async close() {
        closed = true;
      },
    };
    await expect(generateBusiness({ customers: 20, months: 1, seed: 1, batchCustomers: 5 }, sink)).rejects.toThrow('disk full');
    expect(closed).toBe(true);
  });
});
