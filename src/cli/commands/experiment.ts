/** `churn experiment create | status | report`: retention A/B tests with hashed arms, measured after the horizon. */
import type { Command } from 'commander';
import { ChurnError } from '../../errors/index.js';
import { createExperiment, experimentMaturity, getExperiment, reportExperiment } from '../../insights/index.js';
import { action, withStore } from '../context.js';

export function registerExperiment(program: Command): void {
  const exp = program
    .command('experiment')
    .description('Retention experiments: treatment vs control, measured after the horizon');
  exp
    .command('create')
    .description('Assign eligible at-risk customers to treatment/control by hash and record the actions')
    .requiredOption('--name <name>', 'experiment name (its id is exp-<name>)')
    .requiredOption('--action <action>', 'the action the treatment arm receives')
    .option('--share <share>', 'treatment share', '0.5')
    .option('--at <date>', 'scored snapshot day (default: the newest scored date)')
    .option('--all-active', 'every active customer is eligible, not only High / Very High risk')
    .option('--horizon <days>', 'days after the snapshot the outcome is measured over', '30')
    .action(
      action(async (o: { name: string; action: string; share: string; at?: string; allActive?: boolean; horizon: string }) => {
        const share = Number(o.share);
        const horizonDays = Number(o.horizon);
        if (!(Number.isInteger(horizonDays) && horizonDays > 0))
          throw new ChurnError('CHURN_ERR_PARAM', `--horizon must be a whole number of days (got ${o.horizon})`);
        await withStore(async (store) => {
          const e = await createExperiment(store, {
            name: o.name,
            action: o.action,
            share,
            at: o.at,
            horizonDays,
            eligible: o.allActive ? 'active' : 'at-risk',
          });
          console.log(
            `created ${e.experiment_id} on ${e.snapshot_date}: ${e.config.customers} ${e.config.eligible} customers, ` +
              `${e.config.treatment} treatment (${e.config.action}), ${e.config.control} control; report from ${(await experimentMaturity(store, e)).matureOn}`,
          );
        });
      }),
    );
  exp
    .command('status')
    .argument('<id>', 'experiment id')
    .description('Arms, dates and whether the outcome can be measured yet')
    .action(
      action(async (id: string) => {
        await withStore(async (store) => {
          const e = await getExperiment(store, id);
          const m = await experimentMaturity(store, e);
          console.log(JSON.stringify({ ...e, measurable_from: m.matureOn, measurable: m.mature, data_until: m.newest }, null, 2));
        });
      }),
    );
  exp
    .command('report')
    .argument('<id>', 'experiment id')
    .description('Retention per arm, lift, two-proportion test, 95 % interval and verdict (after the horizon)')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, o: { json?: boolean }) => {
        await withStore(async (store) => {
          const e = await reportExperiment(store, id);
          const r = e.result;
          if (!r) throw new ChurnError('CHURN_ERR_INTERNAL', `Experiment ${id} has no result`);
          if (o.json) return console.log(JSON.stringify(e, null, 2));
          const pct = (v: number) => `${(100 * v).toFixed(2)} %`;
          console.log(
            [
              `${e.experiment_id} (${e.config.action}), snapshot ${e.snapshot_date}, horizon ${e.horizon_days} days`,
              `treatment: ${r.treatment.retained}/${r.treatment.n} retained (${pct(r.treatment.retained / r.treatment.n)})`,
              `control:   ${r.control.retained}/${r.control.n} retained (${pct(r.control.retained / r.control.n)})`,
              `lift ${pct(r.absoluteLift)} [${pct(r.interval.lower)}, ${pct(r.interval.upper)}], z = ${r.z.toFixed(2)}, p = ${r.pValue.toPrecision(3)}`,
              `verdict: ${r.verdict} — ${r.summary}`,
            ].join('\n'),
          );
        });
      }),
    );
}
