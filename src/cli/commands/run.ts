/** `churn run` (what `npm start` runs): generate → quality → features → train → score, then where everything is. */
import path from 'node:path';
import type { Command } from 'commander';
import { formatScoreSummary, type PipelineStage, runPipeline } from '../../scoring/index.js';
import { action, withStore } from '../context.js';
import { type Progress, progress } from '../progress.js';

const titles: Record<PipelineStage, string> = {
  generate: '1/4 data: synthetic business',
  quality: '2/4 data quality',
  train: '3/4 features and training',
  score: '4/4 scoring',
};

const shown = (file: string | undefined) => (file ? path.relative(process.cwd(), file) || file : '—');

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('Run the whole pipeline on the default synthetic business: generate, check, train, score (npm start)')
    .addHelpText(
      'after',
      '\nSizes, seed, store and folders come from the configuration (churn.config.json, CHURN_* variables). A store that\n' +
        'already holds the same generated business is reused; the training set is reused when the data is unchanged.',
    )
    .action(
      action(async () => {
        await withStore(async (store, config) => {
          const started = performance.now();
          let bar: Progress | null = null;
          const run = await runPipeline(store, config, {
            onStage: (stage) => {
              bar?.done();
              bar = null;
              console.log(`\n${titles[stage]}`);
            },
            onGenerate: (done, total) => {
              bar ??= progress('generate customers', total);
              bar.tick(done);
            },
            onTrain: (e) => {
              bar ??= progress('train (estimated seconds of work)', e.total);
              bar.tick(e.done, `${e.family ?? e.stage}: ${e.step}`);
            },
          });
          (bar as Progress | null)?.done();
          const { generate, quality, train, score, seconds } = run;
          const a = train.artifact;
          const selected = a.candidates.find((c) => c.selected);
          console.log(
            [
              '',
              `data: ${generate.note} (${seconds.generate.toFixed(1)}s)`,
              `quality: ${quality.failed ? `${quality.failed} of ${quality.checks.length} checks failed (${quality.errors} errors, ${quality.warnings} warnings) — see \`churn quality\`` : `all ${quality.passed} applicable checks passed`} (${seconds.quality.toFixed(1)}s)`,
              `features: ${a.training.rows.train.toLocaleString('en')} training rows over ${a.training.cutoffs?.train.length ?? 0} cutoffs, ` +
                `${a.training.rows.validation.toLocaleString('en')} out-of-time validation rows (${a.training.cutoffs?.validation.join(', ')}); ` +
                `training set ${train.trainingSetReused ? 'reused' : 'built'}`,
              `training: ${a.candidates.length} candidates; selected ${a.selection.chosen} (${a.selection.reason}); ` +
                `validation ROC-AUC ${selected?.metrics.rocAuc?.toFixed(3) ?? '—'}, PR-AUC ${selected?.metrics.prAuc?.toFixed(3) ?? '—'}; ` +
                `model ${a.modelId}${train.version ? ` (version ${train.version.version})` : ''} (${seconds.train.toFixed(1)}s)`,
              `scoring (${seconds.score.toFixed(1)}s):`,
              formatScoreSummary(score.summary, score.result),
              '',
              `Training report   ${shown(train.files.report ?? train.files.modelReport)}`,
              `Model comparison  ${shown(train.files.comparison)}`,
              `Customer scores   ${shown(score.file)} (${score.predictionsWritten.toLocaleString('en')} rows also in the predictions table)`,
              `Database          ${config.databaseUrl}`,
              `Model             ${shown(train.files.modelReport ? path.dirname(train.files.modelReport) : undefined)}`,
              `Done in ${((performance.now() - started) / 1000).toFixed(1)}s. Next: churn explain <customer_id>, churn explain --global, churn models list`,
            ].join('\n'),
          );
        });
      }),
    );
}
