/**
 * `churn bi export [--format csv|parquet] [--raw-ids]`: bi/tableau_ready_dataset.csv (or .parquet), bi/churn_kpis.md,
 * bi/dashboard_wireframe.md.
 */
import type { Command } from 'commander';
import { writeBi } from '../../bi/index.js';
import { ChurnError } from '../../errors/index.js';
import { action, projectPath, withStore } from '../context.js';

export function registerBi(program: Command): void {
  const bi = program.command('bi').description('Analytics export for Tableau / Power BI and the churn KPIs');
  bi.command('export')
    .description(
      'Write bi/tableau_ready_dataset.csv or .parquet (one row per scored active customer), bi/churn_kpis.md, bi/dashboard_wireframe.md',
    )
    .option('--format <format>', 'csv, or parquet for typed columns (dates as DATE, scored_at as a UTC timestamp)', 'csv')
    .option('--raw-ids', 'write raw customer ids instead of keyed-HMAC pseudonyms')
    .addHelpText('after', '\nColumns, CSV and Parquet types, and the formula-injection rule: docs/bi.md.')
    .action(
      action(async (opts: { format: string; rawIds?: boolean }) => {
        if (opts.format !== 'csv' && opts.format !== 'parquet')
          throw new ChurnError('CHURN_ERR_PARAM', `--format must be csv or parquet, not "${opts.format}"`, {
            format: opts.format,
          });
        await withStore(async (store, config) => {
          const r = await writeBi(store, projectPath(config.paths.bi), {
            hmacKey: config.secrets.hmacKey,
            rawIds: opts.rawIds,
            format: opts.format as 'csv' | 'parquet',
          });
          console.log(`exported ${r.rows} customers (${r.kpis.snapshotDate}, model ${r.kpis.modelId})`);
          for (const f of r.files) console.log(`wrote ${f}`);
        });
      }),
    );
}
