import { describe, expect, it } from 'vitest';
import { binDataset } from './dataset.js';
import { initRecords, moveFlaggedFirst, rowAt } from './row-store.js';
import { mixedData } from './test-data.js';
import { trainingKernels } from './training-kernels.js';

function store(n: number) {
  const { X, y } = mixedData(n, 21);
  const data = binDataset(X, 255, true, 0);
  initRecords(data.store, y, new Float64Array(n).fill(1), 0);
  return { X, store: data.store, group: data.layout.groupOf[0] };
}

describe('row store', () => {
  it('splits a node: left rows forward in order, right rows backward from the end', () => {
    const { X, store: s, group } = store(1000);
    const route = Uint8Array.from({ length: 256 }, (_, b) => (b < 100 ? 1 : 0));
    const kernels = trainingKernels(s, 0, 1);
    const nLeft = kernels.split(0, 0, 1000, group, route);
    const left = Array.from({ length: nLeft }, (_, k) => rowAt(s, k, 1));
    const right = Array.from({ length: 1000 - nLeft }, (_, k) => rowAt(s, 999 - k, 1));
    // Rows are in row order before the split, so each side is in row order too (the right side read backward).
    expect(left).toEqual([...left].sort((a, b) => a - b));
    expect(right).toEqual([...right].sort((a, b) => a - b));
    expect(left.length + right.length).toBe(1000);
    const x = X.columns[0];
    expect(Math.max(...left.map((r) => x[r]))).toBeLessThan(Math.min(...right.map((r) => x[r])));
  });

  it('gives bit-identical splits with a worker thread and without', () => {
    const runs = [1, 2].map((threads) => {
      const { store: s, group } = store(30_000);
      const route = Uint8Array.from({ length: 256 }, (_, b) => (b % 3 === 0 ? 1 : 0));
      const kernels = trainingKernels(s, 0, threads);
      const nLeft = kernels.split(0, 0, 30_000, group, route);
      kernels.close();
      return { nLeft, words: s.words[1].slice() };
    });
    expect(runs[1].nLeft).toBe(runs[0].nLeft);
    expect(Buffer.compare(Buffer.from(runs[0].words.buffer), Buffer.from(runs[1].words.buffer))).toBe(0);
  });

  it('moves flagged records to the front, keeping their order', () => {
    const { store: s } = store(10);
    const n = moveFlaggedFirst(s, Uint8Array.from([0, 1, 0, 1, 1, 0, 0, 0, 1, 0]));
    expect(n).toBe(4);
    expect(Array.from({ length: 10 }, (_, k) => rowAt(s, k))).toEqual([1, 3, 4, 8, 0, 2, 5, 6, 7, 9]);
  });
});
