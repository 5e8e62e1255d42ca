/** `churn segment [--k 4] [--seed S] [--at DATE]`: behavioural k-means segments, named, stored and written to outputs/. */
import path from 'node:path';
import type { Command } from 'commander';
import { ChurnError } from '../../errors/index.js';
import { formatSegmentation, saveSegmentation, segmentSnapshot, writeSegmentFiles } from '../../insights/index.js';
import { action, projectPath, withStore } from '../context.js';

const whole = (v: string, name: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new ChurnError('CHURN_ERR_PARAM', `${name} must be a whole number (got ${v})`);
  return n;
};

export function registerSegment(program: Command): void {
  program
    .command('segment')
    .description('Group active customers into behavioural segments (k-means) with names, profiles and a k = 2..8 report')
    .option('--k <k>', 'number of segments', '4')
    .option('--seed <seed>', 'random seed (same seed → same segments)', '42')
    .option('--at <date>', 'snapshot day YYYY-MM-DD (default: the newest date in the data)')
    .addHelpText(
      'after',
      '\nWrites outputs/segments.csv, outputs/segments.json and the customer_segments table. See docs/segments.md.',
    )
    .action(
      action(async (opts: { k: string; seed: string; at?: string }) => {
        await withStore(async (store, config) => {
          const seg = await segmentSnapshot(store, { k: whole(opts.k, '--k'), seed: whole(opts.seed, '--seed'), at: opts.at });
          const summary = await saveSegmentation(store, seg);
          const files = writeSegmentFiles(projectPath(config.paths.outputs), seg, summary);
          console.log(formatSegmentation(seg));
          console.log(
            `\nwrote ${path.relative(process.cwd(), files.csv)}, ${path.relative(process.cwd(), files.json)} and run ${summary.run_id}`,
          );
        });
      }),
    );
}
