/**
 * Source of the prediction worker thread (run with `eval: true`, see worker-source.ts for why a string). Each
 * message: { module, memory, f32, nF, stride, args, base, count, chunk, ctl } — the compiled kernel module
 * (predict-kernel.ts), the call's shared memory and layout, and the shared chunk counters. It claims chunks of rows
 * from ctl[0] until none is left, scores each as scoreChunk in predict-kernel.ts does (dense variant when the chunk
 * holds no NaN), and counts it done in ctl[1] (waking the caller on the last one).
 */
export const predictWorkerSource = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
  const { module, memory, f32, nF, stride, args, base, count, chunk, ctl } = m;
  const nChunks = Math.ceil(count / chunk);
  if (Atomics.load(ctl, 0) >= nChunks) return;
  const k = new WebAssembly.Instance(module, { env: { memory } }).exports;
  const [nTrees, thrAt, leafAt, foAt, mrAt, outAt, colAt] = args;
  for (let c = Atomics.add(ctl, 0, 1); c < nChunks; c = Atomics.add(ctl, 0, 1)) {
    const from = c * chunk;
    const to = Math.min(count, from + chunk);
    const missing = f32 ? k.missing32(colAt, stride, nF, from, to) : k.missing64(colAt, stride, nF, from, to);
    const score = f32 ? (missing ? k.score32 : k.score32dense) : missing ? k.score64 : k.score64dense;
    score(from, to, nTrees, thrAt, leafAt, foAt, mrAt, outAt, colAt, base);
    if (Atomics.add(ctl, 1, 1) + 1 === nChunks) Atomics.notify(ctl, 1);
  }
});
`;
