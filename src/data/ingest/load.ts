/** `loadCsvFiles`: check every file whole, then stream each into its table with quarantine; rows in = loaded + quarantined. */
import path from 'node:path';
import { ChurnError } from '../../errors/index.js';
import type { Store } from '../../store/index.js';
import type { RawTableName } from '../contract/index.js';
import { type LoadProgress, loadCsvFile } from './file-loader.js';
import { resolveInputs } from './inputs.js';
import { type CsvFilePlan, type CsvFileProblem, inspectCsvFile, isFileProblem } from './inspect.js';
import { KeySet } from './key-set.js';
import { QuarantineWriter } from './quarantine.js';
import { ReferenceIndex } from './references.js';
import { type FileLoadSummary, type LoadSummary, summarise } from './summary.js';

/** Options of `loadCsvFiles`. */
export interface LoadOptions {
  /** Load every named file into this table instead of choosing by file name (files only, not directories). */
  table?: RawTableName;
  /** Write all rejected rows to this one CSV (default: `<quarantineDir>/<file>-<timestamp>.csv` per source file). */
  quarantineFile?: string;
  /** Folder of the default quarantine files (default `data/quarantine`). */
  quarantineDir?: string;
  /** Rows checked and written together (default 8,192). */
  batchRows?: number;
  /** Rows per transaction, in whole batches (default 65,536): fewer commits, yet other writers get turns. */
  transactionRows?: number;
  /** Called after each committed batch. */
  onProgress?: (p: LoadProgress) => void;
  /** Clock for quarantine file names (default: now). */
  now?: () => Date;
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/**
 * Loads CSV files (or directories of `customers.csv`, `subscriptions.csv`, …) into the store, parents first.
 * Every file is checked whole (columns, delimiter, encoding) before any row is written; a problem in any file
 * stops the load with an error naming each problem. Rows are validated against the contract and upserted by
 * primary key in batches; rejected rows go to a quarantine CSV. Re-running the same load adds nothing.
 */
export async function loadCsvFiles(store: Store, paths: readonly string[], options: LoadOptions = {}): Promise<LoadSummary> {
  const started = performance.now();
  const { inputs, skipped } = await resolveInputs(paths, options.table);
  const checked = await Promise.all(inputs.map((i) => inspectCsvFile(i.file, i.table)));
  const problems = checked.filter(isFileProblem);
  if (problems.length) throw fileProblemsError(problems);
  const plans = checked as CsvFilePlan[];

  const references = new ReferenceIndex();
  const loadedKeys = new Map<RawTableName, KeySet>();
  const writers = new Map<string, QuarantineWriter>();
  const runStamp = stamp(options.now?.() ?? new Date());
  const quarantineFor = (file: string) => {
    let target = options.quarantineFile;
    if (!target) {
      const base = path.basename(file).replace(/\.csv$/i, '');
      const dir = options.quarantineDir ?? path.join('data', 'quarantine');
      target = path.join(dir, `${base}-${runStamp}.csv`);
      for (let n = 2; [...writers.keys()].includes(target) && !options.quarantineFile; n++)
        target = path.join(dir, `${base}-${runStamp}-${n}.csv`);
    }
    let writer = writers.get(target);
    if (!writer) {
      writer = new QuarantineWriter(target);
      writers.set(target, writer);
    }
    return writer;
  };

  const files: FileLoadSummary[] = [];
  try {
    for (const plan of plans) {
      if (plan.empty) {
        files.push(emptySummary(plan));
        continue;
      }
      let keys = loadedKeys.get(plan.table);
      if (!keys) {
        keys = new KeySet();
        loadedKeys.set(plan.table, keys);
      }
      references.forgetMissing();
      const target = {
        store,
        table: plan.table,
        sourceFile: plan.file,
        references,
        loadedKeys: keys,
        quarantine: quarantineFor(plan.file),
      };
      const sizes = { batchRows: options.batchRows ?? 8192, transactionRows: options.transactionRows ?? 65_536 };
      const summary = await loadCsvFile(plan, target, sizes, options.onProgress);
      if (summary.read !== summary.loaded + summary.quarantined)
        throw new ChurnError('CHURN_ERR_INTERNAL', `Row accounting broke for ${plan.file}: ${JSON.stringify(summary)}`);
      files.push(summary);
    }
  } finally {
    for (const w of writers.values()) await w.close();
  }
  return summarise(files, skipped, (performance.now() - started) / 1000);
}

function emptySummary(plan: CsvFilePlan): FileLoadSummary {
  return {
    file: plan.file,
    table: plan.table,
    status: 'empty',
    read: 0,
    loaded: 0,
    quarantined: 0,
    blankLines: 0,
    byReason: {},
    quarantineFile: null,
    seconds: 0,
  };
}

function fileProblemsError(problems: CsvFileProblem[]): ChurnError {
  const code = problems.every((p) => p.kind === 'columns') ? 'CHURN_ERR_CSV_COLUMNS' : 'CHURN_ERR_CSV_FORMAT';
  const lines = problems.map((p) => `  - ${p.message}`).join('\n');
  const what = problems.length === 1 ? 'a file that cannot be loaded' : `${problems.length} files that cannot be loaded`;
  return new ChurnError(code, `Nothing was loaded: ${what}:\n${lines}`, { problems });
}
