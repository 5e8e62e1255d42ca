/**
 * Pipeline benchmark: generate + load → features (training set) → train the four candidates (search, refit, importance,
 * artifact, registry) → score every active customer, per stage, for one or more sizes (customers × 12 months), each in
 * a fresh SQLite file. Wall-clock and CPU seconds are both printed (the machine is shared).
 * References measured in the same run: the same training with the search switched off (budget 0: each family's default
 * configuration only), so the search's cost shows; and the same training with `refit` (the chosen configuration fitted
 * again on every training cutoff, the rule before the fit-once default), so the saving and any accuracy change show.
 * Per-stage CPU seconds (every thread) are printed beside wall seconds: on a loaded machine they are the steadier figure.
 *
 *   npx tsx bench/pipeline.ts [--customers 5000,100000] [--months 12] [--budget 30] [--references false]
 *
 * `--references false` skips the two reference trainings (for a quicker run at 100k customers).
 *
 * With --telco, the flat-table proof instead: `churn train --table` on the public Telco table, evaluated on the exact
 * folds of scikit-learn's StratifiedKFold(5, shuffle=True, random_state=0) (exported by Python) and on churnlab's own
 * seeded folds, against the Python stack's figures (shared/bench/py_reference.py --split cv) measured in the same run.
 *
 *   npx tsx bench/pipeline.ts --telco [--csv /work/shared/datasets/telco-customer-churn.csv]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/index.js';
import { generateBusiness, storeSink } from '../src/data/index.js';
import { rocAuc } from '../src/ml/index.js';
import { loadScorer, savePredictions, scoreCustomers } from '../src/scoring/index.js';
import { openStore } from '../src/store/index.js';
import { stratifiedFolds, type TableTrainResult, type TrainResult, trainModels, trainTable } from '../src/training/index.js';
import { timed } from './generated-store.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const machine = () =>
  `machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;

async function pipeline(sizes: number[], months: number, budget: number, references: boolean): Promise<void> {
  // Rows are printed as they come (a 100k run takes a while), the header first.
  console.log(machine());
  console.log('| customers | stage | wall s | CPU s | note |\n|---:|---|---:|---:|---|');
  const row = (size: number, stage: string, wall: number, cpu: number | null, note = '') =>
    console.log(
      `| ${size.toLocaleString('en')} | ${stage} | ${wall.toFixed(1)} | ${cpu === null ? '—' : cpu.toFixed(1)} | ${note} |`,
    );
  for (const customers of sizes) {
    const dir = path.resolve(`bench/out/pipeline-${customers / 1000}k`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const config = loadConfig({ projectDir: dir, env: {} });
    const store = await openStore('sqlite:churn.db', { baseDir: dir });
    const [, genWall, genCpu] = await timed(() => generateBusiness({ customers, months, seed: 42 }, storeSink(store)));
    row(customers, 'generate + load (SQLite)', genWall, genCpu);
    const train = (budgetSeconds: number, register: boolean, refit = false) =>
      timed(() => trainModels(store, config, { budgetSeconds, register, writeFiles: register, rebuild: true, refit }));
    const skipped = async () => [null, 0, 0] as const;
    const [ref, refWall, refCpu] = references ? await train(0, false) : await skipped();
    const [refitRef, refitWall, refitCpu] = references ? await train(budget, false, true) : await skipped();
    const [result, trainWall, trainCpu] = await train(budget, true);
    const t = (r: TrainResult, k: string) => r.timings[k] ?? 0;
    const c = (r: TrainResult, k: string) => r.cpuSeconds[k] ?? 0;
    const accuracy = (r: TrainResult | null) => {
      if (!r) return 'not run';
      const m = r.outcomes.find((o) => o.family === r.selected)?.assessment.metrics;
      return `${r.selected}, OOT PR-AUC ${m?.prAuc?.toFixed(4)}, ROC-AUC ${m?.rocAuc?.toFixed(4)}`;
    };
    const { rows: n } = result.artifact.training;
    row(
      customers,
      'features: training set (snapshots)',
      t(result, 'trainingSet'),
      c(result, 'trainingSet'),
      `${(n.train + n.validation).toLocaleString('en')} rows`,
    );
    const ratio = (k: string, r: TrainResult) => `${(c(result, k) / c(r, k)).toFixed(2)}×`;
    const against = (k: string, r: TrainResult | null, what: string) =>
      r ? `CPU ${ratio(k, r)} the ${what} (${t(r, k).toFixed(1)} s wall, ${c(r, k).toFixed(1)} s CPU)` : `${what}: not run`;
    row(
      customers,
      `train: 4 candidates, search budget ${budget}`,
      t(result, 'candidates'),
      c(result, 'candidates'),
      `${against('candidates', ref, 'no-search reference')}; ${against('candidates', refitRef, 'refit reference')}`,
    );
    row(customers, 'train: importance (permutation, mean SHAP)', t(result, 'importance'), c(result, 'importance'));
    row(customers, 'train: artifact, outputs, report, registry', t(result, 'publish'), c(result, 'publish'));
    row(
      customers,
      'train total (incl. features)',
      trainWall,
      trainCpu,
      references
        ? `references: budget 0 ${refWall.toFixed(1)} s wall, ${refCpu.toFixed(1)} s CPU; refit ${refitWall.toFixed(1)} s wall, ${refitCpu.toFixed(1)} s CPU`
        : 'references not run',
    );
    const [scored, scoreWall, scoreCpu] = await timed(async () => {
      const out = await scoreCustomers(store, loadScorer(result.artifact));
      await savePredictions(store, out);
      return out;
    });
    row(
      customers,
      'score: active customers + predictions table',
      scoreWall,
      scoreCpu,
      `${scored.customers.length.toLocaleString('en')} customers`,
    );
    const best = result.outcomes.find((o) => o.family === result.selected)?.assessment.metrics.rocAuc;
    row(
      customers,
      '**whole pipeline**',
      genWall + trainWall + scoreWall,
      genCpu + trainCpu + scoreCpu,
      `selected ${result.selected}, OOT ROC-AUC ${best?.toFixed(3)}`,
    );
    console.log(
      `\naccuracy of the selected model — this run: ${accuracy(result)}; budget 0: ${accuracy(ref)}; refit: ${accuracy(refitRef)}`,
    );
    for (const o of result.outcomes) {
      const m = o.assessment.metrics;
      const r = refitRef?.outcomes.find((x) => x.family === o.family)?.assessment.metrics;
      console.log(
        `  ${o.name}: OOT PR-AUC ${m.prAuc?.toFixed(4)}${r ? ` (refit ${r.prAuc?.toFixed(4)})` : ''}, ROC-AUC ${m.rocAuc?.toFixed(4)}${r ? ` (refit ${r.rocAuc?.toFixed(4)})` : ''}, ${o.search.trials.length} configuration(s) searched`,
      );
    }
    await store.close();
  }
  console.log(`end: ${machine()}`);
}

/** Mean over folds of the per-fold ROC-AUC (how py_reference.py reports it), from out-of-fold probabilities. */
function meanFoldAuc(result: TableTrainResult, family: string, y: Uint8Array, foldOf: ArrayLike<number>): number {
  const p = result.outcomes.find((o) => o.family === family)?.assessment.probabilities as Float64Array;
  const k = Math.max(...Array.from(foldOf)) + 1;
  let sum = 0;
  for (let f = 0; f < k; f++) {
    const rows = Array.from(foldOf, (g, i) => (g === f ? i : -1)).filter((i) => i >= 0);
    sum += rocAuc(
      rows.map((i) => y[i]),
      rows.map((i) => p[i]),
    );
  }
  return sum / k;
}

async function telco(csv: string): Promise<void> {
  const python = '/usr/bin/python3';
  const script = [
    'import sys, json, numpy as np, pandas as pd',
    'from sklearn.model_selection import StratifiedKFold',
    'y = pd.read_csv(sys.argv[1])["Churn"].astype(str).str.strip().str.lower().isin(["1","yes","true","1.0"]).astype(int).values',
    'fold = np.zeros(len(y), dtype=int)',
    'for f, (_, te) in enumerate(StratifiedKFold(5, shuffle=True, random_state=0).split(np.zeros(len(y)), y)): fold[te] = f',
    'print(json.dumps({"fold": fold.tolist(), "y": y.tolist()}))',
  ].join('\n');
  const exported = JSON.parse(execFileSync(python, ['-c', script, csv], { encoding: 'utf8' })) as { fold: number[]; y: number[] };
  const sklearnFolds = exported.fold;
  const y = Uint8Array.from(exported.y);
  const [pyOut, pyWall] = await timed(async () =>
    execFileSync(
      python,
      ['/work/shared/bench/py_reference.py', '--csv', csv, '--target', 'Churn', '--id', 'customerID', '--split', 'cv'],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      },
    ),
  );
  const py = pyOut
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { model: string; auc: number; ap: number; fit_s: number });
  const config = loadConfig({ projectDir: path.resolve('bench/out/telco'), env: {} });
  const store = await openStore(':memory:');
  const run = (foldOf?: number[]) =>
    timed(() =>
      trainTable(store, config, csv, { target: 'Churn', id: 'customerID', foldOf, register: false, writeFiles: false }),
    );
  const [onSklearn, skWall, skCpu] = await run(sklearnFolds);
  const [onOwn, ownWall, ownCpu] = await run();
  // churnlab's own fold of every row, dealt exactly as trainTable dealt them (same seed).
  const ownFoldOf = new Array<number>(y.length);
  stratifiedFolds(y, 5, onOwn.artifact.training.seed).forEach((f, k) => {
    for (const i of f.holdout) ownFoldOf[i] = k;
  });
  console.log(machine());
  console.log(`python reference: ${pyWall.toFixed(1)} s wall for 5 models × 5 folds`);
  console.log(
    '| model | Python 5-fold ROC-AUC (sklearn folds) | churnlab, same sklearn folds | churnlab, own seeded folds | churnlab pooled out-of-fold ROC-AUC / PR-AUC |',
  );
  console.log('|---|---:|---:|---:|---:|');
  const pyName: Record<string, string> = { logistic: 'lr', random_forest: 'rf', gradient_boosting: 'gb', hist_boosting: 'hgb' };
  for (const o of onSklearn.outcomes) {
    const ref = py.find((r) => r.model === pyName[o.family]);
    const own = onOwn.outcomes.find((x) => x.family === o.family);
    console.log(
      `| ${o.name}${o.family === onSklearn.selected ? ' (selected)' : ''} | ${ref?.auc.toFixed(4) ?? '—'} | ${meanFoldAuc(onSklearn, o.family, y, sklearnFolds).toFixed(4)} | ${own ? meanFoldAuc(onOwn, o.family, y, ownFoldOf).toFixed(4) : '—'} | ${o.assessment.metrics.rocAuc?.toFixed(4)} / ${o.assessment.metrics.prAuc?.toFixed(4)} |`,
    );
  }
  const xgb = py.find((r) => r.model === 'xgb');
  if (xgb) console.log(`| XGBoost (Python only) | ${xgb.auc.toFixed(4)} | — | — | — |`);
  console.log(
    `churnlab table training: ${skWall.toFixed(1)} s wall / ${skCpu.toFixed(1)} s CPU (sklearn folds), ${ownWall.toFixed(1)} s / ${ownCpu.toFixed(1)} s CPU (own folds)`,
  );
  await store.close();
}

if (process.argv.includes('--telco')) await telco(arg('csv', '/work/shared/datasets/telco-customer-churn.csv'));
else
  await pipeline(
    arg('customers', '5000,100000').split(',').map(Number),
    Number(arg('months', '12')),
    Number(arg('budget', '30')),
    arg('references', 'true') !== 'false',
  );
