/** Analytics: churn rate by business dimension, segments, global importance, model curves and lift. */
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { Chart, palette } from '../components/Chart';
import { CurveCharts } from '../components/CurveCharts';
import { Async } from '../components/states';
import { Card, PageHeader, Stat } from '../components/ui';
import { count, label, num3, pct, usd } from '../format';
import type { ChurnBy, Curves, Importance, ImportanceTable, ModelCard, Segments } from '../types';
import { useApi } from '../use-api';

const dimensions = [
  ['plan_type', 'Plan'],
  ['billing_cycle', 'Billing cycle'],
  ['device_type', 'Device'],
  ['acquisition_channel', 'Acquisition channel'],
  ['region', 'Region'],
  ['tenure_band', 'Tenure band'],
] as const;

export default function Analytics() {
  const curves = useApi<Curves>('/model/curves');
  const model = useApi<ModelCard>('/model');
  const segments = useApi<Segments>('/segments');
  const importance = useApi<Importance>('/importance');
  return (
    <>
      <PageHeader title="Analytics">
        Where churn comes from and how good the model is at finding it. Realised churn is what happened; predicted churn is what
        the model expects for the next horizon.
      </PageHeader>
      <h2 className="section">Churn by customer group</h2>
      <div className="grid three">
        {dimensions.map(([d, title]) => (
          <ChurnByCard key={d} dimension={d} title={title} />
        ))}
      </div>
      <Card title="Customer segments" wide help="Groups of similar customers found by clustering their behaviour.">
        <Async state={segments} what="segments">
          {(s) => <SegmentTable s={s} />}
        </Async>
      </Card>
      <Card
        title="What drives churn overall"
        wide
        help="Global feature importance: the average strength of each business feature across all customers."
      >
        <Async state={importance} what="global importance">
          {(i) => <ImportanceChart data={i} />}
        </Async>
      </Card>
      <h2 className="section">Model quality (out-of-time validation)</h2>
      <Async state={curves} what="model curves">
        {(c) => (
          <>
            <Card title="Lift" wide help="The top 10% of customers by score vs a random 10%.">
              <div className="stats">
                <Stat
                  label="Top-decile lift"
                  value={c.lift.top_decile_lift === null ? '—' : `${c.lift.top_decile_lift.toFixed(2)}×`}
                  hint="times the average churn rate"
                />
                <Stat
                  label="Churners in top 10%"
                  value={pct(c.lift.top_decile_capture)}
                  hint="share of all churners caught by calling the top tenth"
                />
                <Stat label="Chosen threshold" value={pct(c.chosen_threshold)} hint={model.data?.threshold.rule ?? ''} />
                <Stat label="Validation ROC-AUC" value={num3(model.data?.candidates.find((x) => x.selected)?.metrics.rocAuc)} />
              </div>
              <p className="muted">
                The API reports lift for the top decile only; lift per decile is not available from this server yet.
              </p>
            </Card>
            <CurveCharts c={c} />
          </>
        )}
      </Async>
    </>
  );
}

function ChurnByCard({ dimension, title }: { dimension: string; title: string }) {
  const state = useApi<ChurnBy>(`/analytics/churn-by?dimension=${dimension}`);
  return (
    <Card title={title}>
      <Async state={state} what={`churn by ${title.toLowerCase()}`}>
        {(data) => <ChurnByChart data={data} title={title} />}
      </Async>
    </Card>
  );
}

function ChurnByChart({ data, title }: { data: ChurnBy; title: string }) {
  const groups = data.groups;
  const option = useMemo<EChartsCoreOption>(() => {
    const names = groups.map((g) => g.group);
    return {
      grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { fontSize: 11 } },
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`) },
      xAxis: { type: 'category', data: names, axisLabel: { fontSize: 10, interval: 0, rotate: names.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%', fontSize: 10 } },
      series: [
        {
          type: 'bar',
          name: 'realised',
          color: palette.grey,
          data: groups.map((g) => (g.realised_churn_rate === null ? null : 100 * g.realised_churn_rate)),
        },
        { type: 'bar', name: 'predicted', color: palette.blue, data: groups.map((g) => 100 * g.predicted_churn_rate) },
      ],
    };
  }, [groups]);
  if (groups.length === 0) return <p className="muted">No scored customers to group yet.</p>;
  const customers = groups.reduce((s, g) => s + g.customers, 0);
  const atRisk = groups.reduce((s, g) => s + g.revenue_at_risk, 0);
  return (
    <>
      <Chart option={option} height={220} label={`Realised and predicted churn rate by ${title}`} />
      <p className="muted" data-testid={`churn-by-${data.dimension}`} data-groups={groups.length}>
        {count(customers)} customers · revenue at risk {usd(atRisk)}/month · realised:{' '}
        {data.realised_cutoff ? `active on ${data.realised_cutoff}, ${data.horizon_days}-day window` : 'no mature labels yet'}
      </p>
    </>
  );
}

function SegmentTable({ s }: { s: Segments }) {
  const source =
    s.churn_rate_source === 'realised'
      ? 'realised churn rate'
      : s.churn_rate_source === 'predicted'
        ? 'predicted churn rate (labels not mature yet)'
        : 'churn rate';
  return (
    <>
      <p className="muted">
        {count(s.customers)} customers active on {s.snapshot_date} in {s.k} segments; churn rate column: {source}.
      </p>
      <div className="table-wrap">
        <table className="table compact" data-testid="segments">
          <thead>
            <tr>
              <th scope="col">Segment</th>
              <th scope="col" className="num">
                Customers
              </th>
              <th scope="col" className="num">
                Share
              </th>
              <th scope="col" className="num">
                Churn rate
              </th>
              <th scope="col" className="num">
                Monthly revenue
              </th>
              <th scope="col">What sets it apart</th>
            </tr>
          </thead>
          <tbody>
            {s.segments.map((g) => (
              <tr key={g.id} data-segment={g.id}>
                <td>{label(g.name)}</td>
                <td className="num">{count(g.size)}</td>
                <td className="num">{pct(g.share)}</td>
                <td className="num">{pct(g.churn_rate)}</td>
                <td className="num">{usd(g.monthly_revenue)}</td>
                <td>{g.traits.length > 0 ? g.traits.join('; ') : g.rationale}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ImportanceChart({ data }: { data: Importance }) {
  const [method, setMethod] = useState(data.primary);
  const table = data.methods.find((m) => m.method === method);
  const values = table?.values ?? data.features;
  const option = useMemo<EChartsCoreOption>(() => {
    const top = [...values].sort((a, b) => b.value - a.value).slice(0, 12);
    return {
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => v.toFixed(4) },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: top.map((r) => label(r.feature)) },
      series: [{ type: 'bar', color: palette.blue, data: top.map((r) => r.value) }],
    };
  }, [values]);
  if (values.length === 0) return <p className="muted">No importance figures for model {data.model_id}.</p>;
  return (
    <>
      {data.methods.length > 1 && (
        <div className="toolbar">
          <label htmlFor="importance-method">Measured by</label>
          <select id="importance-method" value={method} onChange={(e) => setMethod(e.target.value)}>
            {data.methods.map((m) => (
              <option key={m.method} value={m.method}>
                {m.method} ({originWords[m.origin]})
              </option>
            ))}
          </select>
        </div>
      )}
      <div data-testid="importance" data-top={[...values].sort((a, b) => b.value - a.value)[0]?.feature}>
        <Chart option={option} height={360} label="Global feature importance" />
      </div>
    </>
  );
}

const originWords: Record<ImportanceTable['origin'], string> = {
  'scored rows': "on today's customers",
  artifact: 'at training, on validation customers',
  model: "read off the model's parameters",
};
