/** Home: what churnlab is, the business at a glance (KPIs), top churn drivers and the current model card. */

import { ModelCardView } from '../components/ModelCardView';
import { Async } from '../components/states';
import { Bucket, Card, PageHeader, Stat } from '../components/ui';
import { count, label, pct, usd } from '../format';
import type { Kpis, ModelCard } from '../types';
import { useApi } from '../use-api';

export default function Overview() {
  const kpis = useApi<Kpis>('/kpis');
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

function KpiTiles({ k }: { k: Kpis }) {
  const t = k.total;
  const order = ['Very High', 'High', 'Medium', 'Low'];
  const buckets = [...k.byRiskBucket].sort((a, b) => rank(order, a.group) - rank(order, b.group));
  return (
    <>
      <div className="stats" data-testid="kpis">
        <Stat label="Active customers" value={count(t.customers)} hint={`scored on ${k.snapshotDate}`} />
        <Stat
          label="Predicted churn rate"
          value={pct(t.predictedChurnRate)}
          hint={`mean churn probability; ${count(t.flagged)} above the threshold`}
          tone="bad"
        />
        <Stat
          label="Realised churn rate"
          value={pct(k.realised?.subscriptionChurnRate)}
          hint={
            k.realised
              ? `customers active on ${k.realised.cohortDate} who cancelled within ${k.realised.horizonDays} days`
              : 'no cohort with mature labels yet'
          }
        />
        <Stat
          label="Revenue at risk / month"
          value={usd(t.revenueAtRiskMonthly)}
          hint={`of ${usd(t.monthlyRevenue)} monthly revenue (Σ probability × revenue)`}
          tone="bad"
        />
        <Stat label="Revenue at risk / year" value={usd(k.revenueAtRiskAnnualised)} hint="monthly figure × 12" />
        <Stat label="Mean CLV" value={usd(t.meanClv)} hint="expected lifetime value per customer" />
      </div>
      {k.realised && (
        <p className="muted">
          Besides the {pct(k.realised.subscriptionChurnRate)} who cancelled, {pct(k.realised.usageChurnRate)} of that cohort kept
          paying but stopped using the product (silent churn).
        </p>
      )}
      <div className="table-wrap">
        <table className="table compact" data-testid="risk-buckets">
          <caption>Customers per risk bucket</caption>
          <thead>
            <tr>
              <th scope="col">Risk bucket</th>
              <th scope="col" className="num">
                Customers
              </th>
              <th scope="col" className="num">
                Mean churn probability
              </th>
              <th scope="col" className="num">
                Monthly revenue
              </th>
              <th scope="col" className="num">
                Revenue at risk / month
              </th>
            </tr>
          </thead>
          <tbody>
            {buckets.map((r) => (
              <tr key={r.group} data-bucket={r.group}>
                <td>
                  <Bucket name={r.group} />
                </td>
                <td className="num">{count(r.customers)}</td>
                <td className="num">{pct(r.predictedChurnRate)}</td>
                <td className="num">{usd(r.monthlyRevenue)}</td>
                <td className="num">{usd(r.revenueAtRiskMonthly)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="table compact" data-testid="kpi-groups">
          <caption>By plan and billing cycle</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col" className="num">
                Customers
              </th>
              <th scope="col" className="num">
                Predicted churn rate
              </th>
              <th scope="col" className="num">
                Revenue at risk / month
              </th>
              <th scope="col" className="num">
                Mean CLV
              </th>
            </tr>
          </thead>
          <tbody>
            {[...k.byPlan.map((g) => ['Plan', g] as const), ...k.byBillingCycle.map((g) => ['Billing', g] as const)].map(
              ([kind, g]) => (
                <tr key={`${kind}-${g.group}`}>
                  <td>
                    <span className="muted">{kind}:</span> {g.group}
                  </td>
                  <td className="num">{count(g.customers)}</td>
                  <td className="num">{pct(g.predictedChurnRate)}</td>
                  <td className="num">{usd(g.revenueAtRiskMonthly)}</td>
                  <td className="num">{usd(g.meanClv)}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Position of `name` in `order` (unknown names last). */
const rank = (order: string[], name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
