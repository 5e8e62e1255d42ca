/** `churn quality [--strict] [--json]`: contract, reference and business-rule checks on what is in the store. */
import type { Command } from 'commander';
import { formatQualityReport, runQualityChecks } from '../../data/index.js';
import { action, withStore } from '../context.js';

export function registerQuality(program: Command): void {
  program
    .command('quality')
    .description('Check the data in the store: contract types, enums and ranges, foreign keys, and business rules')
    .option('--strict', 'exit with status 1 when any check fails (errors and warnings)')
    .option('--json', 'print the report as JSON')
    .action(
      action(async (flags: { strict?: boolean; json?: boolean }) => {
        const report = await withStore((store) => runQualityChecks(store));
        console.log(flags.json ? JSON.stringify(report, null, 2) : formatQualityReport(report));
        if (flags.strict && report.failed > 0) {
          if (!flags.json) console.error(`quality --strict: ${report.failed} check(s) failed`);
          process.exitCode = 1;
        }
      }),
    );
}
