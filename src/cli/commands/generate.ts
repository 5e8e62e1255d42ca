/** `churn generate`: a synthetic subscription business, straight into the store or as CSV files. */
import path from 'node:path';
import type { Command } from 'commander';
import {
  csvSink,
  type DriftScenario,
  formatGenerateSummary,
  type GenerateOptions,
  type GenerateSummary,
  generateBusiness,
  parseDriftSpec,
  type RowSink,
  storeSink,
} from '../../data/index.js';
import { ChurnError } from '../../errors/index.js';
import { action, cliConfig, withStore } from '../context.js';
import { progress } from '../progress.js';

interface GenerateFlags {
  customers?: number;
  months?: number;
  seed?: number;
  start?: string;
  monthlyChurn?: number;
  drift?: DriftScenario[];
  out?: string;
  replace?: boolean;
  json?: boolean;
}

const integer = (option: string) => (raw: string) => {
  if (!/^\d+$/.test(raw))
    throw new ChurnError('CHURN_ERR_PARAM', `${option} must be a whole number (got ${raw})`, { option, value: raw });
  return Number(raw);
};

const rate = (raw: string) => {
  const v = Number(raw.endsWith('%') ? Number(raw.slice(0, -1)) / 100 : raw);
  if (!Number.isFinite(v))
    throw new ChurnError('CHURN_ERR_PARAM', `--monthly-churn must be a number like 0.04 or 4% (got ${raw})`, {
      option: 'monthly-churn',
      value: raw,
    });
  return v;
};

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('Generate a synthetic subscription business (customers, subscriptions, daily usage, payments, tickets)')
    .option('--customers <n>', 'customers in the data set (default: config generate.customers, 5000)', integer('--customers'))
    .option('--months <m>', 'length of the window in months (default 12)', integer('--months'))
    .option('--seed <s>', 'random seed; the same options give byte-identical data (default 42)', integer('--seed'))
    .option('--start <date>', 'first day of the window, YYYY-MM-DD (default 2025-01-01)')
    .option('--monthly-churn <rate>', 'target overall monthly churn rate, e.g. 0.04 or 4% (default 0.04)', rate)
    .option(
      '--drift <scenario>',
      'inject drift: KIND@YYYY-MM-DD[:DAYS[:MAGNITUDE]], KIND = price_rise | crash_wave | payment_outage | channel_shift (repeatable)',
      (spec: string, all: DriftScenario[] | undefined) => [...(all ?? []), parseDriftSpec(spec)],
    )
    .option('--out <dir>', 'write customers.csv, subscriptions.csv, … into DIR instead of the store')
    .option('--replace', 'delete the raw tables of the store before writing (otherwise a non-empty store is refused)')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      '\nWithout --out the rows go straight into the configured store (migrated first). The business rules and their\n' +
        'parameters are documented in docs/business-rules.md. Example:\n' +
        '  churn generate --customers 20000 --months 18 --drift crash_wave@2025-09-01 --out data/synthetic',
    )
    .action(
      action(async (flags: GenerateFlags) => {
        const defaults = cliConfig().generate;
        const options: GenerateOptions = {
          customers: flags.customers ?? defaults.customers,
          months: flags.months ?? defaults.months,
          seed: flags.seed ?? defaults.seed,
          start: flags.start ?? defaults.start,
          monthlyChurnRate: flags.monthlyChurn ?? defaults.monthlyChurnRate,
          drift: flags.drift ?? [],
        };
        const bar = progress('generate customers', options.customers);
        const run = async (sink: RowSink): Promise<GenerateSummary> => {
          const summary = await generateBusiness(options, sink, (done) => bar.tick(done));
          bar.done();
          return summary;
        };
        const started = performance.now();
        const summary = flags.out
          ? await run(csvSink(path.resolve(flags.out)))
          : await withStore((store) => run(storeSink(store, { replace: flags.replace })));
        const seconds = (performance.now() - started) / 1000;
        if (flags.json) console.log(JSON.stringify({ ...summary, seconds }, null, 2));
        else
          console.log(
            `${formatGenerateSummary(summary, seconds)}\nWritten to ${flags.out ? path.resolve(flags.out) : 'the store'}`,
          );
      }),
    );
}
