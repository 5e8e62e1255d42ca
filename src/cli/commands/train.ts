/** `churn train`: train the candidates on point-in-time snapshots (or a flat table), evaluate, select, register. */
import path from 'node:path';
import type { Command } from 'commander';
import { ChurnError } from '../../errors/index.js';
import {
  type CalibrationMethod,
  type TableTrainResult,
  type ThresholdRule,
  type TrainProgress,
  type TrainResult,
  trainModels,
  trainTable,
} from '../../training/index.js';
import { action, withStore } from '../context.js';
import { type Progress, progress } from '../progress.js';

interface TrainFlags {
  cutoffs?: string;
  monthly?: boolean;
  horizon?: string;
  validation?: string;
  models?: string;
  budgetSeconds?: string;
  calibrate?: CalibrationMethod;
  threshold?: ThresholdRule;
  seed?: string;
  promote: boolean;
  rebuild?: boolean;
  refit?: boolean;
  table?: string;
  target?: string;
  id?: string;
  positive?: string;
  folds?: string;
  revenue?: string;
}

const whole = (flag: string, v: string | undefined) => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new ChurnError('CHURN_ERR_PARAM', `${flag} must be a whole number (got ${v})`, { [flag]: v });
  return n;
};
const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Renders progress events: one line for the snapshots, one for the model fits (estimated seconds, so the ETA is honest). */
function progressRenderer(): (e: TrainProgress) => void {
  let bar: Progress | undefined;
  let stage = '';
  return (e) => {
    const kind = e.stage === 'data' ? 'snapshots' : 'training';
    if (kind !== stage) {
      bar?.done();
      stage = kind;
      bar = progress(kind === 'snapshots' ? 'snapshots' : 'training (estimated s)', Math.ceil(e.total));
    }
    if (e.stage === 'save') return bar?.done(e.step);
    bar?.tick(Math.round(e.done), e.step);
  };
}

const fmt = (v: number | null, d = 3) => (v === null ? '—' : v.toFixed(d));

function summary(r: TrainResult | TableTrainResult): string {
  const a = r.artifact;
  const rows = r.outcomes.map((o) => {
    const m = o.assessment.metrics;
    const mark = o.family === r.selected ? '*' : ' ';
    return `${mark} ${o.name.padEnd(20)} ${fmt(m.rocAuc).padStart(7)} ${fmt(m.prAuc).padStart(7)} ${fmt(m.precision).padStart(9)} ${fmt(m.recall).padStart(7)} ${fmt(m.f1).padStart(6)} ${fmt(m.topDecileLift, 2).padStart(8)} ${fmt(m.threshold).padStart(9)}`;
  });
  const where =
    a.source === 'snapshots'
      ? `out-of-time validation ${a.training.cutoffs?.validation.join(', ')}`
      : `${a.training.folds?.k}-fold cross-validation (out-of-fold)`;
  const f = r.files;
  return [
    `Candidates on the ${where}, each at its own ${a.threshold.rule === 'f1' ? 'F1-optimal' : 'cost-optimal'} threshold:`,
    `  ${'model'.padEnd(20)} ${'ROC-AUC'.padStart(7)} ${'PR-AUC'.padStart(7)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(6)} ${'lift@10%'.padStart(8)} ${'threshold'.padStart(9)}`,
    ...rows,
    `Selected: ${a.selection.chosen} — ${a.selection.reason}.`,
    `Model ${a.modelId}${r.version ? ` registered as version ${r.version.version} (${r.version.status})` : ''}; threshold ${a.threshold.value.toFixed(4)} (${a.threshold.rule}).`,
    ...[f.modelReport, f.report, f.comparison, f.metrics, f.importance]
      .filter(Boolean)
      .map((p) => `wrote ${path.relative(process.cwd(), p as string)}`),
  ].join('\n');
}

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description(
      'Train logistic regression, random forest, gradient boosting and histogram boosting; evaluate out-of-time; select; register',
    )
    .option('--cutoffs <dates>', 'comma-separated snapshot cutoffs YYYY-MM-DD (default: --monthly)')
    .option('--monthly', 'month ends from the first with 60 days of history to the last mature one (default)')
    .option('--horizon <days>', 'churn horizon in days (default: features.horizonDays, 30)')
    .option('--validation <n|dates>', 'out-of-time validation: the latest N cutoffs, or comma-separated cutoffs (default 1)')
    .option('--models <list>', 'candidates: lr,rf,gb,hgb (default: training.models)')
    .option('--budget-seconds <n>', 'estimated seconds the hyper-parameter search may spend over all models (default 30)')
    .option('--calibrate <method>', 'none | platt | isotonic, fitted on held-out rows (default none)')
    .option('--threshold <rule>', 'f1 | cost (contact cost vs revenue saved, see training.cost) (default f1)')
    .option('--seed <n>', 'seed of every random choice (default: training.seed)')
    .option('--no-promote', 'register the model without making it the champion')
    .option('--rebuild', 'rebuild the training set even if the saved one matches the data')
    .option(
      '--refit',
      'refit each chosen configuration on every training cutoff (threshold carried over from the inner-split model); default: serve the inner-split model, one fit fewer',
    )
    .option('--table <file.csv>', 'train on a flat churn table instead of the store’s snapshots')
    .option('--target <column>', '(--table) the label column')
    .option('--id <column>', '(--table) identifier column (default: the first column unique on every row)')
    .option('--positive <value>', '(--table) the label value that means churned (default: Yes / true / 1)')
    .option('--folds <k>', '(--table) stratified cross-validation folds (default 5)')
    .option('--revenue <column>', '(--table) monthly revenue column, for --threshold cost')
    .action(
      action(async (flags: TrainFlags) => {
        if (flags.cutoffs && flags.monthly)
          throw new ChurnError('CHURN_ERR_PARAM', 'Give either --cutoffs or --monthly, not both');
        const validation =
          flags.validation === undefined
            ? undefined
            : /^\d+$/.test(flags.validation)
              ? Number(flags.validation)
              : list(flags.validation);
        const common = {
          models: flags.models,
          budgetSeconds: flags.budgetSeconds === undefined ? undefined : Number(flags.budgetSeconds),
          calibrate: flags.calibrate,
          threshold: flags.threshold,
          seed: whole('--seed', flags.seed),
          promote: flags.promote,
          onProgress: progressRenderer(),
        };
        const result = await withStore(async (store, config) => {
          if (flags.table && flags.refit)
            throw new ChurnError(
              'CHURN_ERR_PARAM',
              '--refit applies to snapshot training only (--table always fits the final model on every row)',
            );
          if (flags.table) {
            if (!flags.target) throw new ChurnError('CHURN_ERR_PARAM', '--table needs --target COLUMN (the label column)');
            return trainTable(store, config, path.resolve(flags.table), {
              ...common,
              target: flags.target,
              id: flags.id,
              positive: flags.positive,
              folds: whole('--folds', flags.folds),
              revenueColumn: flags.revenue,
            });
          }
          for (const f of ['target', 'id', 'positive', 'folds', 'revenue'] as const)
            if (flags[f] !== undefined) throw new ChurnError('CHURN_ERR_PARAM', `--${f} applies only with --table FILE.csv`);
          return trainModels(store, config, {
            ...common,
            cutoffs: flags.cutoffs ? list(flags.cutoffs) : undefined,
            horizonDays: whole('--horizon', flags.horizon),
            validationCutoffs: validation,
            rebuild: flags.rebuild,
            refit: flags.refit,
          });
        });
        console.log(summary(result));
      }),
    );
}
