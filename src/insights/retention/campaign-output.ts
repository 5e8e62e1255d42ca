/** A campaign written out: outputs/retention_actions.csv and one `retention_actions` row per selected customer. */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Store } from '../../store/index.js';
import type { StoredCampaign } from './stored-campaign.js';

const csvColumns = [
  'rank',
  'customer_id',
  'risk_bucket',
  'probability',
  'clv',
  'action',
  'channel',
  'offer',
  'rule_id',
  'reason',
  'expected_saved_revenue',
  'cost',
  'expected_net_value',
] as const;

const money = (v: number) => Math.round(v * 100) / 100;

/** Writes the selected lines, best first, to `<dir>/retention_actions.csv`; returns the path. */
export function writeCampaignCsv(dir: string, campaign: StoredCampaign): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'retention_actions.csv');
  const rows = campaign.lines
    .filter((l) => l.selected)
    .map((l) => [
      l.rank,
      l.customer_id,
      l.risk_bucket,
      Number(l.probability.toFixed(4)),
      money(l.clv),
      l.action,
      l.channel,
      l.offer ?? '',
      l.rule_id,
      l.reason,
      money(l.expected_saved_revenue),
      money(l.cost),
      money(l.expected_net_value),
    ]);
  writeFileSync(file, stringify(rows, { header: true, columns: [...csvColumns] }));
  return file;
}

/** One action to record: a campaign line, or an experiment arm's action. */
export interface ActionRecord {
  customer_id: string;
  rule_id: string | null;
  action: string;
  channel: string | null;
  offer: string | null;
  expected_net_value: number | null;
  arm?: string | null;
}

/** Records actions in `retention_actions` (optionally as arms of an experiment); returns the rows written. */
export async function recordActions(
  store: Store,
  snapshotDate: string,
  lines: readonly ActionRecord[],
  options: { experimentId?: string; now?: Date } = {},
): Promise<number> {
  const createdAt = (options.now ?? new Date()).toISOString();
  const rows = lines.map((l) => [
    randomUUID(),
    createdAt,
    l.customer_id,
    snapshotDate,
    options.experimentId ?? null,
    l.arm ?? null,
    l.rule_id,
    l.action,
    l.channel,
    l.offer,
    l.expected_net_value,
  ]);
  return store.insertMany(
    'retention_actions',
    [
      'action_id',
      'created_at',
      'customer_id',
      'snapshot_date',
      'experiment_id',
      'arm',
      'rule_id',
      'action',
      'channel',
      'offer',
      'expected_value',
    ],
    rows,
  );
}

/** The campaign in a few lines for the terminal. */
export function formatCampaign(c: StoredCampaign, top = 10): string {
  const selected = c.lines.filter((l) => l.selected);
  const fmt = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const out = [
    `Campaign for ${c.snapshot_date} (model ${c.model_id}), budget ${c.budget === null ? 'unlimited' : fmt(c.budget)}`,
    `${selected.length} of ${c.lines.length} customers with an action selected; cost ${fmt(c.totals.cost)}, expected saved revenue ${fmt(c.totals.expected_saved_revenue)}, expected net value ${fmt(c.totals.expected_net_value)}`,
    `${c.without_action} scored customers have no action (no rule matched or value unknown)`,
    ...(c.unknown_rule.length > 0
      ? [`${c.unknown_rule.length} customers carry a rule id not in the rule set (re-run churn score)`]
      : []),
    '',
    ...selected
      .slice(0, top)
      .map(
        (l) =>
          `${String(l.rank).padStart(4)}  ${l.customer_id}  p=${l.probability.toFixed(2)}  ${l.action} (${l.channel})  net ${fmt(l.expected_net_value)}\n        ${l.reason}`,
      ),
  ];
  return out.join('\n');
}
