/**
 * Source of the prediction worker thread (run with `eval: true`, see worker-source.ts for why a string). It scores
 * the rows it is sent with copies of fillBlock, addComplete and addCompleteDense from complete-forest.ts; the
 * parallel-vs-serial test proves identical bits. Each message: { forest, columns, out, base, block, done } — all
 * shared memory; it writes margins into out and sets done[0] = 1.
 */
export const predictWorkerSource = `
const { parentPort } = require('node:worker_threads');
function fillBlock(cols, from, count, block) {
  const nF = cols.length;
  let missing = false;
  for (let f = 0; f < nF; f++) {
    const c = cols[f];
    for (let i = 0, at = f; i < count; i++, at += nF) {
      const x = c[from + i];
      block[at] = x;
      if (x !== x) missing = true;
    }
  }
  return missing;
}
function addComplete(f, block, nF, count, out, from, dense) {
  const { depth, nTrees, feature, threshold, missingRight, leaf } = f;
  const nInner = (1 << depth) - 1;
  const nLeaf = 1 << depth;
  const count4 = count & ~3;
  for (let k = 0; k < nTrees; k++) {
    const ib = k * nInner;
    const lb = k * nLeaf - nInner;
    for (let i = 0; i < count4; i += 4) {
      const r0 = i * nF, r1 = r0 + nF, r2 = r1 + nF, r3 = r2 + nF;
      let n0 = 0, n1 = 0, n2 = 0, n3 = 0;
      if (dense) {
        for (let d = 0; d < depth; d++) {
          const j0 = ib + n0, j1 = ib + n1, j2 = ib + n2, j3 = ib + n3;
          n0 = 2 * n0 + 1 + +(block[r0 + feature[j0]] > threshold[j0]);
          n1 = 2 * n1 + 1 + +(block[r1 + feature[j1]] > threshold[j1]);
          n2 = 2 * n2 + 1 + +(block[r2 + feature[j2]] > threshold[j2]);
          n3 = 2 * n3 + 1 + +(block[r3 + feature[j3]] > threshold[j3]);
        }
      } else {
        for (let d = 0; d < depth; d++) {
          const j0 = ib + n0, j1 = ib + n1, j2 = ib + n2, j3 = ib + n3;
          const x0 = block[r0 + feature[j0]], x1 = block[r1 + feature[j1]], x2 = block[r2 + feature[j2]], x3 = block[r3 + feature[j3]];
          n0 = 2 * n0 + 1 + +(x0 > threshold[j0]) + +(x0 !== x0) * missingRight[j0];
          n1 = 2 * n1 + 1 + +(x1 > threshold[j1]) + +(x1 !== x1) * missingRight[j1];
          n2 = 2 * n2 + 1 + +(x2 > threshold[j2]) + +(x2 !== x2) * missingRight[j2];
          n3 = 2 * n3 + 1 + +(x3 > threshold[j3]) + +(x3 !== x3) * missingRight[j3];
        }
      }
      out[from + i] += leaf[lb + n0];
      out[from + i + 1] += leaf[lb + n1];
      out[from + i + 2] += leaf[lb + n2];
      out[from + i + 3] += leaf[lb + n3];
    }
    for (let i = count4; i < count; i++) {
      const r = i * nF;
      let n = 0;
      for (let d = 0; d < depth; d++) {
        const j = ib + n;
        const x = block[r + feature[j]];
        n = 2 * n + 1 + +(x > threshold[j]) + +(x !== x) * missingRight[j];
      }
      out[from + i] += leaf[lb + n];
    }
  }
}
parentPort.on('message', (m) => {
  const { forest, columns, out, base, block: size, done } = m;
  const nF = columns.length;
  const n = out.length;
  out.fill(base);
  const block = new Float64Array(size * nF);
  for (let from = 0; from < n; from += size) {
    const count = Math.min(size, n - from);
    const missing = fillBlock(columns, from, count, block);
    addComplete(forest, block, nF, count, out, from, !missing);
  }
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
});
`;
