/**
 * Source of the prediction worker thread (run with `eval: true`, see worker-source.ts for why a string). Each
 * message: { module, memory, f32, args, base, count, chunk, ctl } — the compiled kernel module (predict-kernel.ts),
 * the call's shared memory and layout, and the shared chunk counters. It claims chunks of rows from ctl[0] until
 * none is left, scores each with the kernel, and counts it done in ctl[1] (waking the caller on the last one).
 */
export const predictWorkerSource = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
  const { module, memory, f32, args, base, count, chunk, ctl } = m;
  const nChunks = Math.ceil(count / chunk);
  if (Atomics.load(ctl, 0) >= nChunks) return;
  const k = new WebAssembly.Instance(module, { env: { memory } }).exports;
  const score = f32 ? k.score32 : k.score64;
  const [nTrees, thrAt, leafAt, foAt, mrAt, outAt, colAt] = args;
  for (let c = Atomics.add(ctl, 0, 1); c < nChunks; c = Atomics.add(ctl, 0, 1)) {
    score(c * chunk, Math.min(count, (c + 1) * chunk), nTrees, thrAt, leafAt, foAt, mrAt, outAt, colAt, base);
    if (Atomics.add(ctl, 1, 1) + 1 === nChunks) Atomics.notify(ctl, 1);
  }
});
`;
