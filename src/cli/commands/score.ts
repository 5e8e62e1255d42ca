/** `churn score [--at DATE] [--model ID]`: every active customer scored → predictions table + outputs/customer_scores.csv. */
import path from 'node:path';
import type { Command } from 'commander';
import {
  formatScoreSummary,
  openScorer,
  type ScoreStage,
  savePredictions,
  scoreCustomers,
  summariseScores,
  writeCustomerScores,
} from '../../scoring/index.js';
import { action, projectPath, withStore } from '../context.js';
import { progress } from '../progress.js';

const stageNames: Record<ScoreStage, string> = {
  snapshot: 'computing the point-in-time snapshot',
  score: 'scoring',
  explain: 'explaining and recommending',
};

export function registerScore(program: Command): void {
  program
    .command('score')
    .description('Score every customer active at the newest data date (or --at) with the current model')
    .option('--at <date>', 'snapshot day YYYY-MM-DD (default: the newest date in the data)')
    .option('--model <id>', 'model id or alias (default: the current champion)')
    .addHelpText(
      'after',
      '\nWrites one row per customer to the predictions table (source batch_score; re-running the same model and date\n' +
        'replaces its rows) and outputs/customer_scores.csv, highest risk first. See docs/scoring.md.',
    )
    .action(
      action(async (opts: { at?: string; model?: string }) => {
        await withStore(async (store, config) => {
          const scorer = await openScorer(config, opts.model);
          const bar = progress(`score with ${scorer.modelId}`, 3);
          let step = 0;
          const result = await scoreCustomers(store, scorer, {
            at: opts.at,
            onStage: (stage) => bar.tick(step++, stageNames[stage]),
          });
          const written = await savePredictions(store, result);
          const file = writeCustomerScores(path.join(projectPath(config.paths.outputs), 'customer_scores.csv'), result);
          bar.done();
          const summary = summariseScores(result, scorer.artifact.riskBuckets.labels, scorer.artifact.threshold.value);
          console.log(formatScoreSummary(summary, result));
          console.log(`wrote ${written} rows to the predictions table and ${path.relative(process.cwd(), file) || file}`);
        });
      }),
    );
}
