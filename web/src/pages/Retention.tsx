/** Retention: the ranked campaign list (action, reason, expected value) under a budget, with CSV export. */
import { useEffect, useState } from 'react';
import { saveBlob } from '../api';
import { Async } from '../components/states';
import { Card, PageHeader, Stat } from '../components/ui';
import { csvLine } from '../csv';
import { count, pct, usd } from '../format';
import { arr, num, obj, str } from '../pick';
import { useApi } from '../use-api';

type Obj = Record<string, unknown>;

export default function Retention() {
  const [budget, setBudget] = useState(1000);
  const [applied, setApplied] = useState(1000);
  useEffect(() => {
    // Ask the server once the slider rests, not on every pixel.
    const t = setTimeout(() => setApplied(budget), 350);
    return () => clearTimeout(t);
  }, [budget]);
  const plan = useApi<Obj>(`/retention?budget=${applied}`);
  return (
    <>
      <PageHeader title="Retention">
        Who to contact this week, how, and why. Customers are ranked by <strong>expected net value</strong>: the revenue a contact
        is expected to save (churn probability × lifetime value × the action's success rate) minus its cost. The budget limits the
        total cost of the campaign.
      </PageHeader>
      <Card title="Campaign budget" wide>
        <label htmlFor="budget">Budget: {usd(budget)}</label>
        <input
          id="budget"
          type="range"
          min={0}
          max={20000}
          step={100}
          value={budget}
          onChange={(e) => setBudget(Number(e.target.value))}
        />
      </Card>
      <Async state={plan} what="the campaign list">
        {(p) => <Plan p={p} budget={applied} />}
      </Async>
    </>
  );
}

function Plan({ p, budget }: { p: Obj; budget: number }) {
  const lines = arr(p, 'lines', 'campaign', 'customers');
  const totals = obj(p, 'totals');
  const selected = lines.filter((l) => l.selected !== false);
  const exportCsv = () => {
    const header = ['rank', 'customer_id', 'probability', 'action', 'channel', 'offer', 'reason', 'cost', 'expected_net_value'];
    const body = selected.map((l) =>
      csvLine([
        num(l, 'rank'),
        str(l, 'customer_id'),
        num(l, 'probability'),
        str(l, 'action'),
        str(l, 'channel'),
        str(l, 'offer'),
        reasonOf(l),
        num(l, 'cost', 'cost_per_contact'),
        num(l, 'expected_net_value', 'expected_value'),
      ]),
    );
    saveBlob(new Blob([`${csvLine(header)}\n${body.join('\n')}\n`], { type: 'text/csv' }), `retention-campaign-${budget}.csv`);
  };
  if (lines.length === 0)
    return (
      <Card title="Campaign" wide>
        <p className="muted">No customer qualifies for a retention action right now.</p>
      </Card>
    );
  return (
    <Card title="Campaign" wide>
      <div className="stats">
        <Stat label="Customers to contact" value={count(num(totals, 'customers') ?? selected.length)} />
        <Stat label="Campaign cost" value={usd(num(totals, 'cost'))} />
        <Stat label="Expected saved revenue" value={usd(num(totals, 'expected_saved_revenue'))} />
        <Stat label="Expected net value" value={usd(num(totals, 'expected_net_value'))} tone="good" />
      </div>
      <div className="toolbar">
        <button type="button" onClick={exportCsv}>
          Export CSV ({selected.length} rows)
        </button>
      </div>
      <div className="table-wrap">
        <table className="table compact" data-testid="campaign">
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
                Expected value
              </th>
            </tr>
          </thead>
          <tbody>
            {selected.slice(0, 200).map((l, i) => (
              <tr key={str(l, 'customer_id') ?? i}>
                <td className="num">{num(l, 'rank') ?? i + 1}</td>
                <td>{str(l, 'customer_id')}</td>
                <td className="num">{pct(num(l, 'probability'))}</td>
                <td>
                  {str(l, 'action')}
                  <div className="muted">
                    {str(l, 'channel')}
                    {str(l, 'offer') ? ` · ${str(l, 'offer')}` : ''}
                  </div>
                </td>
                <td>{reasonOf(l)}</td>
                <td className="num">{usd(num(l, 'cost', 'cost_per_contact'))}</td>
                <td className="num">{usd(num(l, 'expected_net_value', 'expected_value'))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {selected.length > 200 && (
        <p className="muted">Showing the first 200 of {count(selected.length)}; export the CSV for all.</p>
      )}
    </Card>
  );
}

function reasonOf(l: Obj): string {
  const because = l.because;
  if (Array.isArray(because) && because.length > 0) return because.map(String).join('; ');
  return str(l, 'reason', 'rule_description') ?? '';
}
