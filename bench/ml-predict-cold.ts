/**
 * First-call (cold) batch predict of the histogram booster, per fresh process, as bench/ml.ts measures it once — but
 * repeated, alternating between source trees, so a change can be judged by a same-run ratio on a noisy machine.
 * The 300-tree depth-6 model is fitted once on the gen-flat table's 80 % head and saved to bench/out; each child
 * process loads it (JSON round trip), loads the 20 % tail as float32 columns, optionally boots the prediction worker
 * as a two-thread fit does, and times predictHistBoostingProba on its first, second and third call.
 * Usage: tsx bench/ml-predict-cold.ts --rows 100000 [--runs 5] [--src DIR,DIR...] [--boot true] [--threads 0]
 *        (--src: each a directory holding src/ml, e.g. a `git archive` of an older commit; default this tree)
 */

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { flatCsv, loadSplit, OUT_DIR, splits, tableFile, tableLabels } from './ml-data.js';

const { values: a } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    src: { type: 'string', default: resolve(import.meta.dirname, '..') },
    boot: { type: 'string', default: 'true' },
    threads: { type: 'string', default: '0' },
    child: { type: 'string' },
  },
});

const rows = Number(a.rows);
const table = tableFile(flatCsv(rows), 'churned', 'customer_id', `flat-${rows}`);
const modelFile = join(OUT_DIR, `hgb-${rows}.model.json`);
const split = () => splits(tableLabels(table), 'tail')[0];

type Boost = typeof import('../src/ml/boost/index.js');
type Serialize = typeof import('../src/ml/serialize.js');
type Parallel = typeof import('../src/ml/boost/parallel-predict.js');

async function child(srcRoot: string): Promise<void> {
  const boost = (await import(join(srcRoot, 'src/ml/boost/index.ts'))) as Boost;
  const ser = (await import(join(srcRoot, 'src/ml/serialize.ts'))) as Serialize;
  const par = (await import(join(srcRoot, 'src/ml/boost/parallel-predict.ts'))) as Parallel;
  const s = split();
  const d = loadSplit(table, s.train, s.test, true);
  const model = ser.deserializeModel<Parameters<Boost['predictHistBoostingProba']>[0]>(readFileSync(modelFile, 'utf8'));
  if (a.boot === 'true') {
    par.startPredictionWorker();
    // A fit takes seconds: the worker it boots is idle by the time the first batch comes.
    await new Promise((r) => setTimeout(r, 300));
  }
  const times: number[] = [];
  const cpu: number[] = [];
  let sum = 0;
  for (let k = 0; k < 3; k++) {
    const c = process.cpuUsage();
    const t = performance.now();
    const p = boost.predictHistBoostingProba(model, d.test, Number(a.threads));
    times.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
    sum = p.reduce((s, v) => s + v, 0);
  }
  console.log(JSON.stringify({ times, cpu, sum }));
  process.exit(0);
}

if (a.child !== undefined) await child(a.child);
else {
  if (!existsSync(modelFile)) {
    const boost = await import('../src/ml/boost/index.js');
    const ser = await import('../src/ml/serialize.js');
    const s = split();
    const d = loadSplit(table, s.train, s.test, true);
    const m = boost.fitHistBoosting(d.train, d.yTrain, { nEstimators: 300, maxDepth: 6, learningRate: 0.1, nThreads: 2 });
    writeFileSync(modelFile, ser.serializeModel(m));
  }
  const srcs = (a.src ?? '').split(',');
  const all: number[][][] = srcs.map(() => []);
  const allCpu: number[][][] = srcs.map(() => []);
  const script = import.meta.filename;
  for (let r = 0; r < Number(a.runs); r++) {
    srcs.forEach((src, i) => {
      const args = ['--import', 'tsx', script, '--rows', String(rows), '--boot', a.boot ?? 'true', '--threads', a.threads ?? '0'];
      const out = execFileSync(process.execPath, [...args, '--child', src], { encoding: 'utf8' });
      const last = out.trim().split('\n').at(-1) ?? '{}';
      const { times, cpu, sum } = JSON.parse(last) as { times: number[]; cpu: number[]; sum: number };
      all[i].push(times);
      allCpu[i].push(cpu);
      const ms = (v: number[]) => v.map((t) => t.toFixed(1)).join(' / ');
      console.log(`${src}: wall ${ms(times)} ms, cpu (all threads) ${ms(cpu)} ms  (Σp ${sum})`);
    });
  }
  const median = (v: number[]) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)];
  srcs.forEach((src, i) => {
    const col = (v: number[][], k: number) => median(v.map((t) => t[k])).toFixed(1);
    const wall = `first ${col(all[i], 0)}, second ${col(all[i], 1)}, third ${col(all[i], 2)} ms`;
    console.log(`median ${src}: wall ${wall}; cpu first ${col(allCpu[i], 0)}, second ${col(allCpu[i], 1)} ms`);
  });
}
