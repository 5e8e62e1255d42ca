/** `churn explain CUSTOMER_ID [--at DATE]` and `churn explain --global`: why a customer is at risk; what drives the model. */
import type { Command } from 'commander';
import { ChurnError, isChurnError } from '../../errors/index.js';
import {
  activeCustomers,
  explainCustomer,
  formatCustomerExplanation,
  formatImportanceTables,
  globalImportance,
  openScorer,
} from '../../scoring/index.js';
import { action, withStore } from '../context.js';

interface ExplainFlags {
  at?: string;
  model?: string;
  global?: boolean;
  top: string;
  limit: string;
  json?: boolean;
}

const count = (v: string, name: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new ChurnError('CHURN_ERR_PARAM', `${name} must be a whole number ≥ 1 (got ${v})`);
  return n;
};

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('Explain one customer’s churn risk (drivers in business words, action), or the model globally (--global)')
    .argument('[customer]', 'customer id (omit with --global)')
    .option('--global', 'importance of every business feature for the model')
    .option('--at <date>', 'snapshot day YYYY-MM-DD (default: the newest date in the data)')
    .option('--model <id>', 'model id or alias (default: the current champion)')
    .option('--top <k>', 'drivers shown each way', '3')
    .option('--limit <n>', 'features listed by --global', '25')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nContributions are exact SHAP values on the model’s margin (log-odds; probability for random forests), summed\n' +
        'from encoded columns back to business features: base value + contributions = margin. See docs/scoring.md.',
    )
    .action(
      action(async (customer: string | undefined, flags: ExplainFlags) => {
        if (!flags.global && !customer) throw new ChurnError('CHURN_ERR_PARAM', 'Give a customer id, or --global');
        if (flags.global && customer) throw new ChurnError('CHURN_ERR_PARAM', 'Give either a customer id or --global, not both');
        await withStore(async (store, config) => {
          const scorer = await openScorer(config, flags.model);
          if (customer) {
            const x = await explainCustomer(store, scorer, customer, { at: flags.at, topK: count(flags.top, '--top') });
            console.log(flags.json ? JSON.stringify(x, null, 2) : formatCustomerExplanation(x, scorer.artifact));
            return;
          }
          // Mean |SHAP| over today's customers, next to what the artifact recorded (snapshot models with data only).
          let scored: Parameters<typeof globalImportance>[1];
          if (scorer.input.source === 'snapshots') {
            const active = await activeCustomers(store, scorer, flags.at).catch((e) => {
              if (isChurnError(e, 'CHURN_ERR_NO_DATA')) return null; // no customers: the artifact's lists alone
              throw e;
            });
            if (active) scored = { explanations: scorer.explain(active.frame), what: `customers active on ${active.at}` };
          }
          const tables = globalImportance(scorer.artifact, scored);
          console.log(
            flags.json
              ? JSON.stringify(tables, null, 2)
              : formatImportanceTables(tables, scorer.artifact, count(flags.limit, '--limit')),
          );
        });
      }),
    );
}
