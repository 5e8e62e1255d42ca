/** `churn load DIR|FILE…`: CSV files into the store through the contract, bad rows to quarantine, a summary at the end. */
import path from 'node:path';
import { type Command, Option } from 'commander';
import { formatLoadSummary, type LoadProgress, loadCsvFiles, type RawTableName, rawTableNames } from '../../data/index.js';
import { action, projectPath, withStore } from '../context.js';
import { type Progress, progress } from '../progress.js';

interface LoadFlags {
  table?: RawTableName;
  quarantine?: string;
  json?: boolean;
}

export function registerLoad(program: Command): void {
  program
    .command('load')
    .description('Load raw-table CSV files (or directories of customers.csv, subscriptions.csv, …) into the store')
    .argument('<paths...>', 'CSV files and/or directories; a directory loads its known files parents-first')
    .addOption(new Option('--table <name>', 'load every named file into this table').choices([...rawTableNames]))
    .option('--quarantine <file>', 'write all rejected rows to this CSV (default data/quarantine/<file>-<timestamp>.csv)')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      '\nEvery row is checked against the contract (`churn contract`); rejected rows go to a quarantine CSV with their\n' +
        'file, line, column and reason. Rows are upserted by primary key, so re-running a load adds nothing.',
    )
    .action(
      action(async (paths: string[], flags: LoadFlags) => {
        await withStore(async (store, config) => {
          let bar: Progress | null = null;
          let current = '';
          const onProgress = (p: LoadProgress) => {
            if (p.file !== current) {
              bar?.done();
              current = p.file;
              bar = progress(`load ${path.basename(p.file)} (bytes)`, p.bytesTotal);
            }
            bar?.tick(p.bytesRead, `${p.rowsRead.toLocaleString('en')} rows`);
          };
          const summary = await loadCsvFiles(store, paths, {
            table: flags.table,
            quarantineFile: flags.quarantine,
            quarantineDir: projectPath(path.join(config.paths.data, 'quarantine')),
            onProgress,
          });
          (bar as Progress | null)?.done();
          console.log(flags.json ? JSON.stringify(summary, null, 2) : formatLoadSummary(summary));
        });
      }),
    );
}
