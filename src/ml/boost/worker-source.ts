/**
 * Source of the training worker thread, as text for `new Worker(source, { eval: true })`: a string runs the same
 * under tsx, vitest and the compiled dist, where a `.ts` worker file would not load. It instantiates the WebAssembly
 * kernels (wasm-kernels.ts) on the row store's shared memory, so both threads run the very same loops; the
 * parallel-vs-serial tests prove that both thread counts give identical bits.
 *
 * Protocol over the shared Int32 control array: ctrl[0] = 0 idle, 1 job posted, 2 job done, 3 stop;
 * ctrl[4] = job: 1 histogram of records [ctrl[1], ctrl[2]) of buffer ctrl[3] into the second workspace histogram
 * (cleared first); 2 split: count left-going records of [ctrl[1], ctrl[2]), then copy [ctrl[2], ctrl[6]) into the
 * other buffer after them (the route table in the workspace, group ctrl[5]); ctrl[7] = left-going records in
 * [ctrl[1], ctrl[6]); 3 margin update: of the ctrl[1] ranges in the job table (buffer, start, end, group, left
 * delta, right delta; route tables beside it), the records from ctrl[2] to ctrl[6] counted in table order. That loop
 * is a copy of updateRecordsByRoute (loss.ts): keep the two identical.
 */
export const trainingWorkerSource = `
const { parentPort } = require('node:worker_threads');
parentPort.once('message', (m) => {
  const ctrl = new Int32Array(m.ctrl);
  const k = new WebAssembly.Instance(new WebAssembly.Module(m.module), { env: { memory: m.memory } }).exports;
  const out = new Float64Array(m.memory.buffer, m.histAt, m.histLength);
  const sb = m.strideBytes;
  const at = (b, i) => m.offset[b] + i * sb;
  const split = (start, cut, end, from, group) => {
    const to = 1 - from;
    const binAt = 20 + group;
    const nLeftBefore = k.countLeft(at(from, start), at(from, cut), sb, binAt, m.routeAt);
    const left = at(to, start + nLeftBefore);
    const right = at(to, end - 1 - (cut - start - nLeftBefore));
    const next = k.split(at(from, cut), at(from, end), sb, binAt, m.routeAt, left, right) >>> 0;
    return (next - m.offset[to]) / sb - start;
  };
  const stride = sb / 4;
  const words = m.offset.map((o) => new Uint32Array(m.memory.buffer, o, m.nRecordWords));
  const floats = m.offset.map((o) => new Float32Array(m.memory.buffer, o, m.nRecordWords));
  const bytes = m.offset.map((o) => new Uint8Array(m.memory.buffer, o, 4 * m.nRecordWords));
  const jobs = new Float64Array(m.jobs);
  const routes = new Uint8Array(m.routes);
  const updateRange = (b, start, end, group, route, leftDelta, rightDelta) => {
    const w32 = words[b];
    const f32 = floats[b];
    const u8 = bytes[b];
    const binByte = 20 + group;
    for (let at = start * stride, stop = end * stride; at < stop; at += stride) {
      const delta = route[u8[at * 4 + binByte]] === 1 ? leftDelta : rightDelta;
      const mg = Math.fround(f32[at + 3] + delta);
      const p = 1 / (1 + Math.exp(-mg));
      const w = f32[at + 4];
      f32[at + 3] = mg;
      f32[at + 1] = (p - (w32[at] >>> 31)) * w;
      f32[at + 2] = Math.max(p * (1 - p), 1e-16) * w;
    }
  };
  const update = (count, from, to) => {
    let seen = 0;
    for (let i = 0; i < count && seen < to; i++) {
      const j = i * 6;
      const start = jobs[j + 1];
      const end = jobs[j + 2];
      const lo = Math.max(start, start + from - seen);
      const hi = Math.min(end, start + to - seen);
      if (hi > lo) updateRange(jobs[j], lo, hi, jobs[j + 3], routes.subarray(i * 256, i * 256 + 256), jobs[j + 4], jobs[j + 5]);
      seen += end - start;
    }
  };
  for (;;) {
    const state = Atomics.load(ctrl, 0);
    if (state === 3) break;
    if (state !== 1) { Atomics.wait(ctrl, 0, state); continue; }
    const b = ctrl[3];
    if (ctrl[4] === 1) {
      out.fill(0);
      k.hist(at(b, ctrl[1]), at(b, ctrl[2]), sb, m.nDense, m.nGroups, m.histAt);
    } else if (ctrl[4] === 2) ctrl[7] = split(ctrl[1], ctrl[2], ctrl[6], b, ctrl[5]);
    else update(ctrl[1], ctrl[2], ctrl[6]);
    Atomics.store(ctrl, 0, 2);
    Atomics.notify(ctrl, 0);
  }
});
`;
