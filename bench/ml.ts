/**
 * `npm run bench:ml`: churnlab's models against the Python stack (scikit-learn, XGBoost) on the same data in the
 * same run. Each model runs in its own child process (churnlab: bench/ml-child.ts; Python: ../shared/bench/
 * py_reference.py), so fit/predict times, ROC-AUC and peak RSS are each model's own. Prints one table per dataset
 * with churnlab / reference ratios.
 *
 *   npx tsx bench/ml.ts [--sizes 100000,1000000] [--models lr,rf,gb,hgb,shap] [--telco true|false] [--threads 2]
 *                       [--shap-rows 5000] [--json bench/out/ml-results.json]
 */

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { flatCsv, OUT_DIR, SHARED, tableFile } from './ml-data.js';

const { values: a } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    models: { type: 'string', default: 'lr,rf,gb,hgb,shap' },
    telco: { type: 'string', default: 'true' },
    threads: { type: 'string', default: '2' },
    'shap-rows': { type: 'string', default: '5000' },
    json: { type: 'string', default: join(OUT_DIR, 'ml-results.json') },
  },
});

interface Result {
  model: string;
  fit_s?: number;
  predict_s?: number;
  auc?: number;
  auc_sd?: number;
  shap_s?: number;
  shap_rows?: number;
  maxrss_mb?: number;
  skipped?: string;
}

/** The Python reference model(s) each churnlab model is paired with. */
// 'xgb@1': XGBoost on one thread — a load-robust yardstick, since OpenMP threads spin badly on a busy 2-core box.
const pairs: Record<string, string[]> = { lr: ['lr'], rf: ['rf'], gb: ['gb'], hgb: ['xgb', 'xgb@1', 'hgb'], shap: ['shap'] };
const reference: Record<string, string> = {
  lr: 'sklearn LogisticRegression',
  rf: 'sklearn RandomForest (200 trees, n_jobs=2)',
  gb: 'sklearn GradientBoosting',
  xgb: 'XGBoost hist (300 trees, depth 6, nthread=2)',
  'xgb@1': 'XGBoost hist (same, nthread=1)',
  hgb: 'sklearn HistGradientBoosting',
  shap: 'XGBoost pred_contribs',
};
const ours: Record<string, string> = {
  lr: 'fitLogistic',
  rf: 'fitRandomForest (200 trees)',
  gb: 'fitGradientBoosting',
  hgb: 'fitHistBoosting (300 trees, depth 6)',
  shap: 'treeShap on fitHistBoosting',
};

/** Runs py_reference.py for one model and adds the process's peak RSS (self and any pool children). */
function python(csv: string, split: string, model: string): Result {
  const wrapper = [
    'import sys, runpy, resource, json',
    "sys.argv = ['py_reference.py'] + sys.argv[1:]",
    `runpy.run_path(${JSON.stringify(join(SHARED, 'bench', 'py_reference.py'))}, run_name='__main__')`,
    'r = resource.getrusage',
    "print(json.dumps({'maxrss_kb': max(r(resource.RUSAGE_SELF).ru_maxrss, r(resource.RUSAGE_CHILDREN).ru_maxrss)}))",
  ].join('\n');
  const [name, threads] = model.split('@');
  const args = pyArgs(csv, split, name, threads ?? a.threads);
  return { ...parse(execFileSync('/usr/bin/python3', ['-c', wrapper, ...args], { encoding: 'utf8' })), model };
}

let pyTarget: { target: string; id: string } = { target: 'churned', id: 'customer_id' };
function pyArgs(csv: string, split: string, model: string, threads: string): string[] {
  return [
    '--csv',
    csv,
    '--target',
    pyTarget.target,
    '--id',
    pyTarget.id,
    '--split',
    split,
    '--models',
    model,
    '--threads',
    threads,
    '--trees',
    '300',
    '--depth',
    '6',
    '--shap-rows',
    a['shap-rows'],
  ];
}

/** Merges every JSON line a child printed (the model's figures, then the RSS line). */
function parse(stdout: string): Partial<Result> {
  const out: Record<string, unknown> = {};
  for (const line of stdout.split('\n')) if (line.startsWith('{')) Object.assign(out, JSON.parse(line));
  if (typeof out.maxrss_kb === 'number') out.maxrss_mb = out.maxrss_kb / 1024;
  return out as Partial<Result>;
}

function churnlab(table: string, split: string, model: string): Result {
  const args = [
    '--import',
    'tsx',
    join(import.meta.dirname, 'ml-child.ts'),
    '--table',
    table,
    '--split',
    split,
    '--model',
    model,
  ];
  args.push('--threads', a.threads, '--shap-rows', a['shap-rows']);
  return { model, ...parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 })) };
}

const fmt = (v: number | undefined, digits = 2) => (v === undefined ? '—' : v.toFixed(digits));
const ratio = (x: number | undefined, y: number | undefined) =>
  x === undefined || y === undefined ? '—' : `${(x / y).toFixed(2)}×`;

const datasets: { name: string; csv: string; split: 'tail' | 'cv'; target: string; id: string }[] = [];
for (const n of a.sizes.split(',').filter(Boolean).map(Number))
  datasets.push({
    name: `flat ${n.toLocaleString('en')} rows (80/20 tail split)`,
    csv: flatCsv(n),
    split: 'tail',
    target: 'churned',
    id: 'customer_id',
  });
if (a.telco === 'true')
  datasets.push({
    name: 'Telco customer churn, 7,043 rows (5-fold stratified CV)',
    csv: join(SHARED, 'datasets', 'telco-customer-churn.csv'),
    split: 'cv',
    target: 'Churn',
    id: 'customerID',
  });

console.log(
  `machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average at start: ${loadAverage()}`,
);
const all: { dataset: string; model: string; ours: Result; refs: Result[] }[] = [];
for (const d of datasets) {
  const table = tableFile(d.csv, d.target, d.id, d.csv.split('/').pop()?.replace('.csv', '') ?? 'table');
  pyTarget = { target: d.target, id: d.id };
  console.log(`\n### ${d.name}\n`);
  console.log(
    '| churnlab | reference | fit s (ours / ref) | fit ratio | predict s (ours / ref) | predict ratio | ROC-AUC (ours / ref) | Δ AUC | peak RSS MB (ours / ref) | RSS ratio |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const model of a.models.split(',').filter(Boolean)) {
    const mine = churnlab(table, d.split, model);
    const refs = (pairs[model] ?? []).map((r) => python(d.csv, d.split, r));
    all.push({ dataset: d.name, model, ours: mine, refs });
    if (mine.skipped !== undefined) {
      console.log(`| ${ours[model] ?? model} | — | skipped: ${mine.skipped} | | | | | | | |`);
      continue;
    }
    for (const ref of refs) {
      const timeKey = model === 'shap' ? 'shap_s' : 'fit_s';
      const fitLabel =
        model === 'shap'
          ? `SHAP ${mine.shap_rows} rows: ${fmt(mine.shap_s)} / ${fmt(ref.shap_s)}`
          : `${fmt(mine.fit_s)} / ${fmt(ref.fit_s)}`;
      console.log(
        `| ${ours[model]} | ${reference[ref.model]} | ${fitLabel} | ${ratio(mine[timeKey], ref[timeKey])} | ${fmt(mine.predict_s, 3)} / ${fmt(ref.predict_s, 3)} | ${ratio(mine.predict_s, ref.predict_s)} | ${fmt(mine.auc, 4)} / ${fmt(ref.auc, 4)} | ${mine.auc !== undefined && ref.auc !== undefined ? (mine.auc - ref.auc).toFixed(4) : '—'} | ${fmt(mine.maxrss_mb, 0)} / ${fmt(ref.maxrss_mb, 0)} | ${ratio(mine.maxrss_mb, ref.maxrss_mb)} |`,
      );
    }
  }
}
console.log(`\nload average at end: ${loadAverage()}`);
writeFileSync(a.json, JSON.stringify(all, null, 1));

function loadAverage(): string {
  try {
    return execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}
