/** Retention: the ranked campaign list (action, reason, expected value) under a budget, with CSV export. */
import { useEffect, useState } from 'react';
import { saveBlob } from '../api';
import { Async } from '../components/states';
import { Card, PageHeader, Stat } from '../components/ui';
import { csvLine } from '../csv';
import { count, label, pct, usd } from '../format';
import type { Campaign, CampaignLine } from '../types';
import { useApi } from '../use-api';

/** Lines asked for: enough for any campaign a budget of the slider buys; the totals always cover the whole campaign. */
const lineLimit = 5000;

export default function Retention() {
  const [budget, setBudget] = useState(1000);
  const [applied, setApplied] = useState(1000);
  // The unbudgeted campaign's cost (everyone worth contacting) sets the slider's range to this business's scale.
  const full = useApi<Campaign>('/retention?limit=1');
  const max = full.data ? niceCeil(full.data.totals.cost) : 20000;
  useEffect(() => {
    if (!full.data) return;
    // Applied at once, not after the slider's rest delay: the first campaign asked for is already the clamped one.
    const clamp = (b: number) => Math.min(b, niceCeil(full.data?.totals.cost ?? 0));
    setBudget(clamp);
    setApplied(clamp);
  }, [full.data]);
  useEffect(() => {
    // Ask the server once the slider rests, not on every pixel.
    const t = setTimeout(() => setApplied(budget), 350);
    return () => clearTimeout(t);
  }, [budget]);
  // Asked for once the range is known (or could not be), so the budget it is asked with is final.
  const rangeKnown = full.data !== null || full.error !== null;
  const plan = useApi<Campaign>(rangeKnown ? `/retention?budget=${applied}&limit=${lineLimit}` : null);
  return (
    <>
      <PageHeader title="Retention">
        Who to contact this week, how, and why. Customers are ranked by <strong>expected net value</strong>: the revenue a contact
        is expected to save (churn probability × lifetime value × the action's success rate) minus its cost. The budget limits the
        total cost of the campaign.
      </PageHeader>
      <Card title="Campaign budget" wide>
        <div className="budget-row">
          <label htmlFor="budget">Budget: {usd(budget)}</label>
          <input
            id="budget"
            type="range"
            min={0}
            max={max}
            step={max / 100}
            value={Math.min(budget, max)}
            onChange={(e) => setBudget(Number(e.target.value))}
          />
          <label htmlFor="budget-exact" className="sr-only">
            Budget in dollars
          </label>
          <input
            id="budget-exact"
            type="number"
            min={0}
            step="any"
            value={budget}
            onChange={(e) => setBudget(Math.max(0, Number(e.target.value) || 0))}
          />
        </div>
        {full.data && (
          <p className="muted">
            Contacting every customer worth it ({count(full.data.totals.customers)}) costs {usd(full.data.totals.cost)} and is
            expected to save {usd(full.data.totals.expected_saved_revenue)}.
          </p>
        )}
      </Card>
      <Async state={plan} what="the campaign list" keepStale>
        {(p) => <Plan p={p} budget={applied} />}
      </Async>
    </>
  );
}

function Plan({ p, budget }: { p: Campaign; budget: number }) {
  const selected = p.lines.filter((l) => l.selected);
  const overBudget = p.lines.filter((l) => l.not_selected_because === 'budget').length;
  const notWorth = p.lines.filter((l) => l.not_selected_because === 'negative_net_value').length;
  const exportCsv = () => {
    const header = [
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
    ];
    const body = selected.map((l) =>
      csvLine([
        l.rank,
        l.customer_id,
        l.risk_bucket,
        Number(l.probability.toFixed(4)),
        cents(l.clv),
        l.action,
        l.channel,
        l.offer,
        l.rule_id,
        l.reason,
        cents(l.expected_saved_revenue),
        cents(l.cost),
        cents(l.expected_net_value),
      ]),
    );
    saveBlob(new Blob([`${csvLine(header)}\n${body.join('\n')}\n`], { type: 'text/csv' }), `retention-campaign-${budget}.csv`);
  };
  if (p.lines_total === 0)
    return (
      <Card title="Campaign" wide>
        <p className="muted">
          No scored customer qualifies for a retention action right now ({count(p.without_action)} scored customers matched no
          rule).
        </p>
      </Card>
    );
  return (
    <Card
      title="Campaign"
      wide
      help={`Customers scored on ${p.snapshot_date} by model ${p.model_id}. A line is selected while its cost still fits the budget and it is expected to save more than it costs.`}
    >
      <div className="stats" data-testid="campaign-totals">
        <Stat label="Customers to contact" value={count(p.totals.customers)} hint={`of ${count(p.lines_total)} with an action`} />
        <Stat label="Campaign cost" value={usd(p.totals.cost)} hint={`budget ${usd(budget)}`} />
        <Stat
          label="Expected saved revenue"
          value={usd(p.totals.expected_saved_revenue)}
          hint="probability × CLV × success rate"
        />
        <Stat label="Expected net value" value={usd(p.totals.expected_net_value)} tone="good" hint="saved revenue − cost" />
      </div>
      <p className="muted">
        Not selected: {count(overBudget)} over the budget, {count(notWorth)} cost more than they are expected to save;{' '}
        {count(p.without_action)} scored customers match no retention rule.
      </p>
      <div className="toolbar">
        <button type="button" onClick={exportCsv} disabled={selected.length === 0}>
          Export CSV ({selected.length} rows)
        </button>
      </div>
      {selected.length === 0 ? (
        <p className="muted">The budget buys no contact yet: move the slider up.</p>
      ) : (
        <Lines lines={selected} />
      )}
      {p.lines.length < p.lines_total && (
        <p className="muted">
          The ranking lists the best {count(p.lines.length)} of {count(p.lines_total)} customers with an action.
        </p>
      )}
    </Card>
  );
}

function Lines({ lines }: { lines: CampaignLine[] }) {
  return (
    <>
      <div className="table-wrap">
        <table className="table compact stack-table" data-testid="campaign">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">Customer</th>
              <th scope="col" className="num">
                Churn risk
              </th>
              <th scope="col">Action</th>
              <th scope="col">Why</th>
              <th scope="col" className="num">
                Cost
              </th>
              <th scope="col" className="num">
                Expected net value
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.slice(0, 200).map((l) => (
              <tr key={l.customer_id} data-customer={l.customer_id}>
                <td className="num" data-label="#">
                  {l.rank}
                </td>
                <td data-label="Customer">{l.customer_id}</td>
                <td className="num" data-label="Churn risk">
                  {pct(l.probability)}
                  <div className="muted">{l.risk_bucket}</div>
                </td>
                <td data-label="Action">
                  {label(l.action)}
                  <div className="muted">
                    {l.channel}
                    {l.offer ? ` · ${l.offer}` : ''}
                  </div>
                </td>
                <td data-label="Why">{l.because.length > 0 ? l.because.join('; ') : l.reason}</td>
                <td className="num" data-label="Cost">
                  {usd(l.cost)}
                </td>
                <td className="num" data-label="Expected net value">
                  {usd(l.expected_net_value)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {lines.length > 200 && <p className="muted">Showing the first 200 of {count(lines.length)}; export the CSV for all.</p>}
    </>
  );
}

/** Money rounded to cents for the CSV. */
const cents = (v: number) => Math.round(v * 100) / 100;

/** A round slider end at or above `v`: 1, 2 or 5 × a power of ten (at least $10). */
function niceCeil(v: number): number {
  if (!(v > 10)) return 10;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 5, 10].find((m) => m * p >= v) ?? 10) * p;
}
