/**
 * Source of the training worker thread, as text for `new Worker(source, { eval: true })`: a string runs the same
 * under tsx, vitest and the compiled dist, where a `.ts` worker file would not load. Its two loops are copies of
 * accumulateGroupHistogram (histogram.ts) and copySide (row-store.ts); the parallel-vs-serial tests prove that
 * both thread counts give identical bits.
 *
 * Protocol over the shared Int32 control array: ctrl[0] = 0 idle, 1 job posted, 2 job done, 3 stop;
 * ctrl[4] = job: 1 histogram of records [ctrl[1], ctrl[2]) of buffer ctrl[3] into `out` (cleared first);
 * 2 split: count left-going records of [ctrl[1], ctrl[2]), then copy [ctrl[2], ctrl[6]) into the other buffer after
 * them (route table `route`, group ctrl[5]); ctrl[7] = left-going records in [ctrl[1], ctrl[6]).
 */
export const trainingWorkerSource = `
const { parentPort } = require('node:worker_threads');
parentPort.once('message', (m) => {
  const ctrl = new Int32Array(m.ctrl);
  const words = m.records.map((b) => new Uint32Array(b));
  const floatBuffers = m.records.map((b) => new Float32Array(b));
  const byteBuffers = m.records.map((b) => new Uint8Array(b));
  const route = new Uint8Array(m.route);
  const out = new Float64Array(m.out);
  const { stride, nGroups, nDense } = m;
  const histogram = (start, end, floats, bytes) => {
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
  };
  const split = (start, cut, end, from, group) => {
    const src = words[from];
    const dst = words[1 - from];
    const bytes = byteBuffers[from];
    const binByte = 20 + group;
    let nLeftBefore = 0;
    for (let at = start * stride, stop = cut * stride; at < stop; at += stride) nLeftBefore += route[bytes[at * 4 + binByte]];
    let l = start + nLeftBefore;
    let r = end - 1 - (cut - start - nLeftBefore);
    for (let at = cut * stride, stop = end * stride; at < stop; at += stride) {
      const goLeft = route[bytes[at * 4 + binByte]];
      const to = (r + (l - r) * goLeft) * stride;
      for (let i = 0; i < stride; i++) dst[to + i] = src[at + i];
      l += goLeft;
      r -= 1 - goLeft;
    }
    return l - start;
  };
  for (;;) {
    const state = Atomics.load(ctrl, 0);
    if (state === 3) break;
    if (state !== 1) { Atomics.wait(ctrl, 0, state); continue; }
    const b = ctrl[3];
    if (ctrl[4] === 1) histogram(ctrl[1], ctrl[2], floatBuffers[b], byteBuffers[b]);
    else ctrl[7] = split(ctrl[1], ctrl[2], ctrl[6], b, ctrl[5]);
    Atomics.store(ctrl, 0, 2);
    Atomics.notify(ctrl, 0);
  }
});
`;
