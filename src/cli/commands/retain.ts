/** `churn retain [--budget AMOUNT] [--at DATE]`: the ranked retention campaign of the newest scored snapshot. */
import path from 'node:path';
import type { Command } from 'commander';
import { ChurnError } from '../../errors/index.js';
import {
  campaignFromScores,
  defaultRules,
  formatCampaign,
  recordActions,
  requireScoredSnapshot,
  writeCampaignCsv,
} from '../../insights/index.js';
import { action, projectPath, withStore } from '../context.js';

export function registerRetain(program: Command): void {
  program
    .command('retain')
    .description('Plan a retention campaign: at-risk scored customers ranked by expected net value under a budget')
    .option('--budget <amount>', 'total campaign spend allowed (default: no limit)')
    .option('--at <date>', 'scored snapshot day YYYY-MM-DD (default: the newest scored date)')
    .option('--model <id>', 'model id whose scores to use (default: the run written last)')
    .option('--dry-run', 'do not record the actions in retention_actions')
    .addHelpText(
      'after',
      '\nReads the scores `churn score` stored; expected net value = probability × CLV × uplift − cost.\n' +
        'Writes outputs/retention_actions.csv and the selected actions to retention_actions. See docs/retention-rules.md.',
    )
    .action(
      action(async (opts: { budget?: string; at?: string; model?: string; dryRun?: boolean }) => {
        const budget = opts.budget === undefined ? undefined : Number(opts.budget);
        if (budget !== undefined && !(Number.isFinite(budget) && budget >= 0))
          throw new ChurnError('CHURN_ERR_PARAM', `--budget must be an amount ≥ 0 (got ${opts.budget})`, { field: 'budget' });
        await withStore(async (store, config) => {
          const scored = await requireScoredSnapshot(store, { at: opts.at, modelId: opts.model });
          const campaign = campaignFromScores(scored, defaultRules, budget);
          const file = writeCampaignCsv(projectPath(config.paths.outputs), campaign);
          const selected = campaign.lines.filter((l) => l.selected);
          const written = opts.dryRun ? 0 : await recordActions(store, campaign.snapshot_date, selected);
          console.log(formatCampaign(campaign));
          console.log(
            `\nwrote ${path.relative(process.cwd(), file) || file}${opts.dryRun ? '' : ` and ${written} rows to retention_actions`}`,
          );
        });
      }),
    );
}
