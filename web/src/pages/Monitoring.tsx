/** Monitoring: PSI per feature and for the score with the 0.1 / 0.2 bands, score distribution now vs baseline, realised performance, alerts. */
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { Chart, palette } from '../components/Chart';
import { Async } from '../components/states';
import { Card, PageHeader, Stat } from '../components/ui';
import { label, num3, when } from '../format';
import { arr, num, obj, str } from '../pick';
import { useApi } from '../use-api';

type Obj = Record<string, unknown>;

export default function Monitoring() {
  const drift = useApi<Obj>('/drift');
  const performance = useApi<Obj>('/performance');
  const alerts = useApi<unknown>('/alerts');
  return (
    <>
      <PageHeader title="Monitoring">
        Is the model still trustworthy? <strong>Drift</strong> compares today's customers with the ones the model learned from
        (PSI below 0.1 = stable, 0.1–0.2 = moderate, above 0.2 = drift: investigate or retrain).{' '}
        <strong>Realised performance</strong> checks past predictions against what really happened once the churn window has
        passed.
      </PageHeader>
      <Async state={drift} what="the drift report">
        {(d) => <Drift d={d} />}
      </Async>
      <Card title="Realised performance over time" wide help="How well past predictions matched reality, per scoring cohort.">
        <Async state={performance} what="realised performance">
          {(p) => <Performance p={p} />}
        </Async>
      </Card>
      <Card title="Recent alerts" wide>
        <Async state={alerts} what="alerts">
          {(a) => <Alerts data={a} />}
        </Async>
      </Card>
    </>
  );
}

function Drift({ d }: { d: Obj }) {
  const verdict = obj(d, 'verdict');
  const score = obj(d, 'score');
  const features = arr(d, 'features');
  const psiOption = useMemo<EChartsCoreOption>(() => {
    const rows = [...features].sort((a, b) => (num(b, 'psi') ?? 0) - (num(a, 'psi') ?? 0)).slice(0, 20);
    const colour = (v: number) => (v >= 0.2 ? palette.red : v >= 0.1 ? palette.amber : palette.green);
    const scorePsi = num(score, 'psi');
    const all = [
      ...(scorePsi === null ? [] : [{ name: 'Churn score', psi: scorePsi }]),
      ...rows.map((r) => ({ name: label(str(r, 'feature') ?? '?'), psi: num(r, 'psi') ?? 0 })),
    ];
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => v.toFixed(3) },
      xAxis: { type: 'value', name: 'PSI', nameLocation: 'middle', nameGap: 22 },
      yAxis: { type: 'category', inverse: true, data: all.map((x) => x.name), axisLabel: { fontSize: 11 } },
      series: [
        {
          type: 'bar',
          data: all.map((x) => ({ value: x.psi, itemStyle: { color: colour(x.psi) } })),
          markArea: {
            silent: true,
            data: [
              [{ xAxis: 0.1, itemStyle: { color: 'rgba(217,119,6,0.08)' } }, { xAxis: 0.2 }],
              [{ xAxis: 0.2, itemStyle: { color: 'rgba(220,38,38,0.08)' } }, { xAxis: 'max' }],
            ],
          },
          markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed' }, data: [{ xAxis: 0.1 }, { xAxis: 0.2 }] },
        },
      ],
    };
  }, [features, score]);
  const bins = arr(score, 'bins');
  const distOption = useMemo<EChartsCoreOption>(
    () => ({
      grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v.toFixed(1)}%` },
      xAxis: { type: 'category', data: bins.map((b) => str(b, 'label') ?? ''), axisLabel: { fontSize: 10, rotate: 30 } },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: [
        { type: 'bar', name: 'baseline (training)', color: palette.grey, data: bins.map((b) => 100 * (num(b, 'expected') ?? 0)) },
        { type: 'bar', name: 'now', color: palette.blue, data: bins.map((b) => 100 * (num(b, 'actual') ?? 0)) },
      ],
    }),
    [bins],
  );
  if (features.length === 0 && !score)
    return (
      <Card title="Drift" wide>
        <p className="muted">
          No drift run yet. Run <code>churn monitor</code> to compare today's customers with the training baseline.
        </p>
      </Card>
    );
  const dataset = str(verdict, 'dataset') ?? '—';
  return (
    <>
      <Card title="Drift verdict" wide help={str(verdict, 'reason') ?? undefined}>
        <div className="stats">
          <Stat label="Data drift" value={dataset} tone={dataset === 'drift' ? 'bad' : undefined} />
          <Stat label="Score PSI" value={num3(num(score, 'psi'))} hint="below 0.1 = stable" />
          <Stat label="Drifted features" value={String(arr(verdict, 'drifted').length)} />
          <Stat label="Compared on" value={str(d, 'at', 'date') ?? '—'} hint={`${num(d, 'rows') ?? '—'} customers`} />
        </div>
      </Card>
      <div className="grid two">
        <Card title="PSI per feature" help="Bars in the amber band (0.1–0.2) moved a little; red (above 0.2) moved a lot.">
          <Chart
            option={psiOption}
            height={Math.max(240, Math.min(21, features.length + 1) * 22 + 40)}
            label="Population stability index per feature and for the score"
          />
        </Card>
        <Card
          title="Score distribution: now vs baseline"
          help="Share of customers per churn-score band at training (grey) and now (blue)."
        >
          {bins.length === 0 ? (
            <p className="muted">No score bins in this run.</p>
          ) : (
            <Chart option={distOption} label="Score distribution now versus baseline" />
          )}
        </Card>
      </div>
    </>
  );
}

function Performance({ p }: { p: Obj }) {
  const cohorts = arr(p, 'cohorts', 'points', 'series');
  const pending = str(p, 'pending', 'pending_until', 'labels_mature_on', 'maturesOn');
  const option = useMemo<EChartsCoreOption>(
    () => ({
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => v.toFixed(3) },
      xAxis: { type: 'category', data: cohorts.map((c) => str(c, 'cohort', 'snapshot_date', 'date', 'cutoff') ?? '') },
      yAxis: { type: 'value', min: 0, max: 1 },
      series: [
        { type: 'line', name: 'ROC-AUC', color: palette.blue, data: cohorts.map((c) => num(c, 'roc_auc', 'rocAuc')) },
        { type: 'line', name: 'PR-AUC', color: palette.amber, data: cohorts.map((c) => num(c, 'pr_auc', 'prAuc')) },
        { type: 'line', name: 'precision', color: palette.green, data: cohorts.map((c) => num(c, 'precision')) },
        { type: 'line', name: 'recall', color: palette.red, data: cohorts.map((c) => num(c, 'recall')) },
      ],
    }),
    [cohorts],
  );
  if (cohorts.length === 0)
    return (
      <p className="muted" data-testid="labels-pending">
        Labels pending{pending ? ` until ${pending}` : ''}: the churn window of the scored customers has not passed yet, so
        realised performance cannot be measured.
      </p>
    );
  return <Chart option={option} label="Realised performance per cohort" />;
}

function Alerts({ data }: { data: unknown }) {
  const rows = arr(data, 'alerts');
  if (rows.length === 0)
    return <p className="muted">No alerts. Drift and performance checks raise one here when something needs attention.</p>;
  return (
    <div className="table-wrap">
      <table className="table compact" data-testid="alerts">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Severity</th>
            <th scope="col">Kind</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a, i) => (
            <tr key={str(a, 'alert_id', 'id') ?? i}>
              <td>{when(str(a, 'created_at', 'raised_at', 'at'))}</td>
              <td>{str(a, 'severity', 'level') ?? '—'}</td>
              <td>{str(a, 'kind', 'type', 'code') ?? '—'}</td>
              <td>{str(a, 'message', 'text', 'detail') ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
