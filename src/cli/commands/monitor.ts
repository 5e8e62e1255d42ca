/**
 * `churn monitor [--at DATE] [--json]`: drift of the current model against its baseline, realised performance, alerts.
 * `churn monitor --batch [--from] [--to] [--source] [--model]`: the same drift over a batch of logged predictions.
 */
import type { Command } from 'commander';
import { ChurnError, isChurnError } from '../../errors/index.js';
import {
  type BatchCycle,
  batchWindow,
  formatDrift,
  monitorBatch,
  monitorCycle,
  newestLoggedModel,
} from '../../monitoring/index.js';
import { openScorer } from '../../scoring/index.js';
import { action, withStore } from '../context.js';

interface MonitorOptions {
  at?: string;
  model?: string;
  json?: boolean;
  retrainOnDrift?: boolean;
  every?: string;
  batch?: boolean;
  from?: string;
  to?: string;
  last?: string;
  source?: string;
}

const hours = (v: string) => {
  const m = /^(\d+(?:\.\d+)?)h$/.exec(v);
  if (!m) throw new Error(`--every takes hours like 24h, not "${v}"`);
  return Number(m[1]) * 3_600_000;
};

export function registerMonitor(program: Command): void {
  program
    .command('monitor')
    .description(
      'PSI drift of every feature and the score vs the model baseline; results in monitoring_runs + outputs/monitoring/',
    )
    .option('--at <date>', 'snapshot day YYYY-MM-DD (default: the newest date in the data)')
    .option('--model <id>', 'model id or alias (default: the current champion)')
    .option('--json', 'print the full report as JSON')
    .option(
      '--retrain-on-drift',
      'when features or the score drift, train a challenger and promote it only if it wins by monitoring.retrainMargin',
    )
    .option('--every <hours>', 'repeat the cycle on a schedule, e.g. 24h (runs until stopped)')
    .option('--batch', 'drift of a batch of logged predictions (the predictions table) instead of a snapshot')
    .option('--from <when>', 'with --batch: predictions created from this day YYYY-MM-DD or ISO timestamp (inclusive)')
    .option('--to <when>', 'with --batch: predictions created up to this day YYYY-MM-DD or ISO timestamp (inclusive)')
    .option('--last <hours>', 'with --batch: predictions of the last N hours, e.g. 24h (rolling: re-read on every --every cycle)')
    .option('--source <source>', 'with --batch: api (/predict, /batch_predict), job (CSV jobs) or score (churn score)')
    .addHelpText('after', '\nSee docs/monitoring.md for the PSI rule, epsilon and thresholds (config section "monitoring").')
    .action(
      action(async (opts: MonitorOptions) => {
        const period = opts.every ? hours(opts.every) : 0;
        const batchOnly = (['from', 'to', 'last', 'source'] as const).filter((k) => opts[k] !== undefined);
        if (!opts.batch && batchOnly.length)
          throw new ChurnError('CHURN_ERR_PARAM', `--${batchOnly[0]} selects logged predictions: add --batch`, {
            option: `--${batchOnly[0]}`,
          });
        if (opts.batch && (opts.at || opts.retrainOnDrift))
          throw new ChurnError('CHURN_ERR_PARAM', `--batch cannot be combined with ${opts.at ? '--at' : '--retrain-on-drift'}`, {
            option: opts.at ? '--at' : '--retrain-on-drift',
          });
        if (opts.batch) batchWindow(opts); // a bad option fails before the first cycle
        for (;;) {
          await withStore(async (store, config) => {
            if (opts.batch) {
              const window = batchWindow(opts); // per cycle: a --last window moves with the clock
              let cycle: BatchCycle;
              try {
                const scorer = await openScorer(config, opts.model ?? (await newestLoggedModel(store, window)));
                cycle = await monitorBatch(store, scorer, config, window);
              } catch (e) {
                // A scheduled monitor outlives a quiet window (no traffic yet): say so and wait for the next cycle.
                if (!period || !isChurnError(e, 'CHURN_ERR_NO_DATA')) throw e;
                console.error(`${(e as Error).message}; next cycle in ${opts.every}`);
                return;
              }
              if (opts.json) console.log(JSON.stringify(cycle, null, 2));
              else {
                console.log(formatDrift(cycle.drift));
                console.log(`stored run ${cycle.driftRun.runId}${cycle.driftRun.file ? ` and ${cycle.driftRun.file}` : ''}`);
                const fresh = cycle.alerts.filter((a) => !a.deduplicated).length;
                console.log(`alerts: ${fresh} new, ${cycle.alerts.length - fresh} still open (see GET /alerts)`);
              }
              return;
            }
            const scorer = await openScorer(config, opts.model);
            const cycle = await monitorCycle(store, scorer, config, { at: opts.at, retrainOnDrift: opts.retrainOnDrift });
            if (opts.json) console.log(JSON.stringify(cycle, null, 2));
            else {
              console.log(formatDrift(cycle.drift));
              console.log(`stored run ${cycle.driftRun.runId}${cycle.driftRun.file ? ` and ${cycle.driftRun.file}` : ''}`);
              if (cycle.api)
                console.log(`API ${cycle.api.url}: ${cycle.api.healthy ? 'healthy' : 'UNHEALTHY'} (${cycle.api.detail})`);
              for (const c of cycle.performance)
                console.log(
                  c.status === 'mature'
                    ? `cohort ${c.snapshotDate} (${c.modelId}): ROC-AUC ${c.rocAuc?.toFixed(3) ?? '—'} precision ${c.precision?.toFixed(3) ?? '—'} recall ${c.recall?.toFixed(3) ?? '—'} F1 ${c.f1?.toFixed(3) ?? '—'} accuracy ${c.accuracy.toFixed(3)}`
                    : `cohort ${c.snapshotDate} (${c.modelId}): labels pending until ${c.labelsMatureOn}`,
                );
              const fresh = cycle.alerts.filter((a) => !a.deduplicated).length;
              console.log(`alerts: ${fresh} new, ${cycle.alerts.length - fresh} still open (see GET /alerts)`);
              const d = cycle.retrain;
              if (d)
                console.log(
                  `retrain on ${d.window}: champion ${d.champion.modelId} ROC-AUC ${d.champion.rocAuc.toFixed(4)}, ` +
                    `challenger ${d.challenger.modelId} ${d.challenger.rocAuc.toFixed(4)} → ${d.promoted ? 'PROMOTED' : 'kept champion'}`,
                );
              else if (opts.retrainOnDrift) console.log('retrain: not needed (drift verdict stable)');
            }
          });
          if (!period) break;
          await new Promise((r) => setTimeout(r, period));
        }
      }),
    );
}
