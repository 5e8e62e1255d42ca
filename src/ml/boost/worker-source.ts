/**
 * Source of the histogram worker thread, as text for `new Worker(source, { eval: true })`: a string runs the same
 * under tsx, vitest and the compiled dist, where a `.ts` worker file would not load. Its loop is a copy of
 * accumulateGroupHistogram in histogram.ts; the parallel-vs-serial test proves the two give identical bits.
 *
 * Protocol over the shared control array `ctrl` (Int32): ctrl[0] = 0 idle, 1 job posted, 2 job done, 3 stop;
 * ctrl[1..2] = the row range [start, end) to accumulate into `out` (cleared first).
 */
export const histogramWorkerSource = `
const { parentPort } = require('node:worker_threads');
parentPort.once('message', (m) => {
  const ctrl = new Int32Array(m.ctrl);
  const bins = new Uint8Array(m.bins);
  const rows = new Uint32Array(m.rows);
  const grad = new Float64Array(m.grad);
  const hess = new Float64Array(m.hess);
  const out = new Float64Array(m.out);
  const nGroups = m.nGroups;
  const nDense = m.nDense;
  for (;;) {
    const state = Atomics.load(ctrl, 0);
    if (state === 3) break;
    if (state !== 1) { Atomics.wait(ctrl, 0, state); continue; }
    const start = ctrl[1];
    const end = ctrl[2];
    out.fill(0);
    for (let k = start; k < end; k++) {
      const r = rows[k];
      const g = grad[r];
      const h = hess[r];
      const p = r * nGroups;
      for (let j = 0; j < nDense; j++) {
        const s = (j << 9) + (bins[p + j] << 1);
        out[s] += g;
        out[s + 1] += h;
      }
      for (let j = nDense; j < nGroups; j++) {
        const b = bins[p + j];
        if (b !== 0) {
          const s = (j << 9) + (b << 1);
          out[s] += g;
          out[s + 1] += h;
        }
      }
    }
    Atomics.store(ctrl, 0, 2);
    Atomics.notify(ctrl, 0);
  }
});
`;
