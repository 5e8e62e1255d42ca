/** `churn predict FILE.csv [--model ID] [--out FILE.csv]`: any CSV of the training table's columns, scored row by row in order. */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { openScorer, predictCsv } from '../../scoring/index.js';
import { action, cliConfig, projectPath } from '../context.js';
import { progress } from '../progress.js';

/** Rejected rows printed on the terminal; all of them are in the output's error column. */
const SHOWN = 20;

export function registerPredict(program: Command): void {
  program
    .command('predict')
    .description('Score a CSV with the training table’s columns; writes it back with probability, decision and risk bucket')
    .argument('<file>', 'CSV file with a header line')
    .option('--model <id>', 'model id or alias (default: the current champion)')
    .option('--out <file>', 'output CSV (default: outputs/<name>.predictions.csv)')
    .addHelpText(
      'after',
      '\nOne output row per input row, in input order: every input column (extra ones included), then probability,\n' +
        'decision, risk_bucket and error. A row the model cannot read keeps empty scores and the reason in error;\n' +
        'the command lists them with their line numbers. See docs/scoring.md.',
    )
    .action(
      action(async (file: string, opts: { model?: string; out?: string }) => {
        const config = cliConfig();
        const scorer = await openScorer(config, opts.model);
        const base = path.basename(file).replace(/\.csv$/i, '');
        const out = opts.out ?? path.join(projectPath(config.paths.outputs), `${base}.predictions.csv`);
        mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
        let size = 0;
        try {
          size = statSync(file).size;
        } catch {
          /* predictCsv reports the missing file */
        }
        const bar = progress(`predict ${path.basename(file)} with ${scorer.modelId}`);
        const summary = await predictCsv(scorer, file, out, { onProgress: (rows) => bar.tick(rows, `rows (${size} bytes)`) });
        bar.done();
        console.log(
          `${summary.rows.toLocaleString('en')} rows: ${summary.scored.toLocaleString('en')} scored ` +
            `(${summary.flagged.toLocaleString('en')} at or above the threshold ${scorer.artifact.threshold.value.toFixed(3)}), ` +
            `${summary.rejected.length.toLocaleString('en')} rejected`,
        );
        for (const r of summary.rejected.slice(0, SHOWN)) console.log(`  line ${r.line}: ${r.reason}`);
        if (summary.rejected.length > SHOWN) console.log(`  … ${summary.rejected.length - SHOWN} more (see the error column)`);
        console.log(`wrote ${out}`);
        if (summary.rejected.length > 0) process.exitCode = 2;
      }),
    );
}
