/**
 * Source of the histogram worker thread, as text for `new Worker(source, { eval: true })`: a string runs the same
 * under tsx, vitest and the compiled dist, where a `.ts` worker file would not load. Its loop is a copy of
 * accumulateGroupHistogram in histogram.ts; the parallel-vs-serial tests prove the two give identical bits.
 *
 * Protocol over the shared control array `ctrl` (Int32): ctrl[0] = 0 idle, 1 job posted, 2 job done, 3 stop;
 * ctrl[1..2] = the record range [start, end) of buffer ctrl[3] to accumulate into `out` (cleared first).
 */
export const histogramWorkerSource = `
const { parentPort } = require('node:worker_threads');
parentPort.once('message', (m) => {
  const ctrl = new Int32Array(m.ctrl);
  const floatBuffers = m.records.map((b) => new Float32Array(b));
  const byteBuffers = m.records.map((b) => new Uint8Array(b));
  const out = new Float64Array(m.out);
  const { stride, nGroups, nDense } = m;
  for (;;) {
    const state = Atomics.load(ctrl, 0);
    if (state === 3) break;
    if (state !== 1) { Atomics.wait(ctrl, 0, state); continue; }
    const start = ctrl[1];
    const end = ctrl[2];
    const floats = floatBuffers[ctrl[3]];
    const bytes = byteBuffers[ctrl[3]];
    out.fill(0);
    for (let k = start; k < end; k++) {
      const w = k * stride;
      const g = floats[w + 1];
      const h = floats[w + 2];
      const p = w * 4 + 20;
      for (let j = 0; j < nDense; j++) {
        const s = (j << 9) + (bytes[p + j] << 1);
        out[s] += g;
        out[s + 1] += h;
      }
      for (let j = nDense; j < nGroups; j++) {
        const b = bytes[p + j];
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
