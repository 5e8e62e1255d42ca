/** `churn features list | snapshot | build`: the feature catalogue, one point-in-time snapshot, and the training set. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ChurnError } from '../../errors/index.js';
import { buildTrainingSet, featureCatalogue, frameToCsv, saveTrainingSet, snapshotAt } from '../../features/index.js';
import { action, cliConfig, projectPath, withStore } from '../context.js';
import { progress } from '../progress.js';

const horizonOption = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new ChurnError('CHURN_ERR_PARAM', `--horizon must be a whole number of days (got ${v})`);
  return n;
};
const pad = (s: string, n: number) => s.padEnd(n);

export function registerFeatures(program: Command): void {
  const features = program.command('features').description('Point-in-time features, labels and training sets');

  features
    .command('list')
    .description('Print the feature catalogue (name, type, unit, window, meaning)')
    .option('--json', 'print the catalogue as JSON')
    .action(
      action((opts: { json?: boolean }) => {
        if (opts.json) return void console.log(JSON.stringify(featureCatalogue, null, 2));
        const w = Math.max(...featureCatalogue.map((f) => f.name.length));
        console.log(`${pad('name', w)}  ${pad('type', 11)}  ${pad('unit', 14)}  ${pad('window', 11)}  description`);
        for (const f of featureCatalogue)
          console.log(
            `${pad(f.name, w)}  ${pad(f.type, 11)}  ${pad(f.unit, 14)}  ${pad(f.window, 11)}  ${f.description}${f.legacy ? ' [original name]' : ''}`,
          );
      }),
    );

  features
    .command('snapshot')
    .description('Compute the snapshot at one cutoff: features of every active customer and, when mature, the churn label')
    .requiredOption('--at <date>', 'cutoff day YYYY-MM-DD (features use rows dated on or before it)')
    .option('--horizon <days>', 'label horizon in days (default: features.horizonDays)', horizonOption)
    .option('--out <file.csv>', 'write CSV to this file (default: standard output)')
    .action(
      action(async (opts: { at: string; horizon?: number; out?: string }) => {
        await withStore(async (store, config) => {
          const snap = await snapshotAt(store, opts.at, { horizonDays: opts.horizon ?? config.features.horizonDays });
          if (snap.frame.nRows === 0)
            throw new ChurnError(
              'CHURN_ERR_NO_DATA',
              `No customer is active on ${opts.at} (data: ${snap.newestDate ? `up to ${snap.newestDate}` : 'empty store; run churn generate or churn load'})`,
              { cutoff: opts.at },
            );
          const csv = frameToCsv(snap.frame, { churned: snap.label });
          if (opts.out) writeFileSync(projectPath(opts.out), csv);
          else process.stdout.write(csv);
          const churned = snap.label.reduce((n, v) => (Number.isNaN(v) ? n : n + v), 0);
          const labels = snap.labelsMature
            ? `churned within ${snap.horizonDays} days: ${churned} (${((100 * churned) / Math.max(1, snap.frame.nRows)).toFixed(2)}%)`
            : `labels empty: ${opts.at} + ${snap.horizonDays} days is after the newest data (${snap.newestDate ?? 'none'})`;
          console.error(
            `snapshot ${opts.at}: ${snap.frame.nRows} active customers; ${labels}${opts.out ? `; wrote ${opts.out}` : ''}`,
          );
        });
      }),
    );

  features
    .command('build')
    .description('Stack mature snapshots into the training set (out-of-time validation = the latest cutoffs) in paths.processed')
    .option('--cutoffs <dates>', 'comma-separated cutoff days (default: --monthly)')
    .option('--monthly', 'month ends from the first with 60 days of history to the last mature one')
    .option('--horizon <days>', 'label horizon in days (default: features.horizonDays)', horizonOption)
    .option('--validation <n>', 'how many of the latest cutoffs to hold out (default: features.validationCutoffs)')
    .action(
      action(async (opts: { cutoffs?: string; monthly?: boolean; horizon?: number; validation?: string }) => {
        if (opts.cutoffs && opts.monthly) throw new ChurnError('CHURN_ERR_PARAM', 'Give either --cutoffs or --monthly, not both');
        await withStore(async (store, config) => {
          const bar = progress('snapshots');
          const set = await buildTrainingSet(store, {
            cutoffs: opts.cutoffs?.split(',').map((c) => c.trim()),
            horizonDays: opts.horizon ?? config.features.horizonDays,
            validationCutoffs: opts.validation === undefined ? config.features.validationCutoffs : Number(opts.validation),
            onSnapshot: (done, total, cutoff) => bar.tick(done, `${cutoff} (${total} cutoffs)`),
          });
          bar.done();
          const files = saveTrainingSet(projectPath(cliConfig().paths.processed), set);
          console.log(`cutoff      role        rows  churned  churn rate`);
          for (const c of set.cutoffs)
            console.log(
              `${c.cutoff}  ${pad(c.role, 10)} ${String(c.rows).padStart(6)} ${String(c.churned).padStart(8)}  ${(100 * c.churnRate).toFixed(2).padStart(9)}%`,
            );
          const validation = set.isValidation.reduce((n, v) => n + v, 0);
          console.log(
            `${set.frame.nRows} rows (${set.frame.nRows - validation} train, ${validation} validation), horizon ${set.horizonDays} days`,
          );
          console.log(`wrote ${files.csv}\nwrote ${files.columnar}`);
        });
      }),
    );
}
