/** Home: what churnlab is, the business at a glance (KPIs), top churn drivers and the current model card. */

import { ModelCardView } from '../components/ModelCardView';
import { Async } from '../components/states';
import { Bucket, Card, PageHeader, Stat } from '../components/ui';
import { count, label, pct, usd } from '../format';
import { arr, num, obj, str } from '../pick';
import type { ModelCard } from '../types';
import { useApi } from '../use-api';

export default function Overview() {
  const kpis = useApi<Record<string, unknown>>('/kpis');
  const model = useApi<ModelCard>('/model');
  return (
    <>
      <PageHeader title="Overview">
        churnlab predicts which subscribers are likely to cancel in the next month, explains why, and suggests what to do about
        it. Start here for the state of the business; open <a href="#/predict">Single prediction</a> to check one customer or{' '}
        <a href="#/retention">Retention</a> for today's call list.
      </PageHeader>
      <Card
        title="The business at a glance"
        wide
        help="Figures from the newest data in the store; churn = a customer whose subscription ends within the horizon and does not come back."
      >
        <Async state={kpis} what="business KPIs">
          {(k) => <KpiTiles k={k} />}
        </Async>
      </Card>
      <div className="grid two">
        <Card
          title="Top churn drivers"
          help="What the model relies on most overall (global importance). Higher bar = stronger influence on the churn score."
        >
          <Async state={model} what="the model">
            {(m) => (
              <ol className="drivers-list">
                {[...m.importance.values]
                  .sort((a, b) => b.value - a.value)
                  .slice(0, 8)
                  .map((d, _i, all) => (
                    <li key={d.feature}>
                      <span>{label(d.feature)}</span>
                      <span className="bar" aria-hidden="true">
                        <span style={{ width: `${(100 * d.value) / (all[0].value || 1)}%` }} />
                      </span>
                    </li>
                  ))}
              </ol>
            )}
          </Async>
        </Card>
        <Card
          title="Current model"
          help="The model every prediction uses right now. ROC-AUC and PR-AUC measure how well it ranks churners first (1.0 = perfect, 0.5 = a coin toss for ROC-AUC)."
        >
          <Async state={model} what="the model card">
            {(m) => <ModelCardView card={m} />}
          </Async>
        </Card>
      </div>
    </>
  );
}

function KpiTiles({ k }: { k: Record<string, unknown> }) {
  const revenue = obj(k, 'revenue_at_risk');
  const buckets = arr(k, 'risk_buckets', 'by_risk_bucket', 'buckets');
  const bucketObj = buckets.length === 0 ? obj(k, 'risk_buckets', 'by_risk_bucket') : null;
  const rows: { name: string; customers: number | null; revenue: number | null }[] =
    buckets.length > 0
      ? buckets.map((b) => ({
          name: str(b, 'bucket', 'risk_bucket', 'name', 'label') ?? '?',
          customers: num(b, 'customers', 'count'),
          revenue: num(b, 'revenue', 'monthly_revenue', 'mrr'),
        }))
      : Object.entries(bucketObj ?? {}).map(([name, v]) => ({
          name,
          customers: typeof v === 'number' ? v : num(v, 'customers', 'count'),
          revenue: num(v, 'revenue', 'monthly_revenue', 'mrr'),
        }));
  return (
    <>
      <div className="stats">
        <Stat
          label="Active customers"
          value={count(num(k, 'active_customers', 'activeCustomers'))}
          hint={str(k, 'as_of', 'date', 'snapshot_date') ?? undefined}
        />
        <Stat
          label="Predicted churn rate"
          value={pct(num(k, 'predicted_churn_rate'))}
          hint="share expected to cancel next horizon"
          tone="bad"
        />
        <Stat
          label="Realised churn rate"
          value={pct(num(k, 'realised_churn_rate', 'realized_churn_rate'))}
          hint="share that actually cancelled, last mature horizon"
        />
        <Stat
          label="Revenue at risk / month"
          value={usd(num(k, 'revenue_at_risk_monthly', 'monthly_revenue_at_risk') ?? num(revenue, 'monthly'))}
          hint="monthly revenue × churn probability"
          tone="bad"
        />
        <Stat
          label="Revenue at risk / year"
          value={usd(
            num(k, 'revenue_at_risk_annualised', 'revenue_at_risk_annualized', 'annualised_revenue_at_risk') ??
              num(revenue, 'annualised', 'annualized'),
          )}
          hint="monthly figure × 12"
        />
        <Stat
          label="Mean CLV"
          value={usd(num(k, 'mean_clv', 'clv_mean', 'average_clv'))}
          hint="expected lifetime value per customer"
        />
      </div>
      {rows.length > 0 && (
        <table className="table compact">
          <caption>Customers per risk bucket</caption>
          <thead>
            <tr>
              <th scope="col">Risk bucket</th>
              <th scope="col" className="num">
                Customers
              </th>
              <th scope="col" className="num">
                Monthly revenue
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <td>
                  <Bucket name={r.name} />
                </td>
                <td className="num">{count(r.customers)}</td>
                <td className="num">{usd(r.revenue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
