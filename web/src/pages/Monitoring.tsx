/** Monitoring: PSI per feature and for the score with the 0.1 / 0.2 bands, score distribution now vs baseline, realised performance, alerts. */
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { Chart, palette } from '../components/Chart';
import { Async } from '../components/states';
import { Card, PageHeader, Stat } from '../components/ui';
import { count, label, num3, pct, when } from '../format';
import type { Alerts as AlertList, DriftClass, DriftRun, Performance as PerformanceReply } from '../types';
import { useApi } from '../use-api';

export default function Monitoring() {
  const drift = useApi<DriftRun>('/drift');
  const performance = useApi<PerformanceReply>('/performance');
  const alerts = useApi<AlertList>('/alerts');
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
          {(a) => <Alerts alerts={a.alerts} />}
        </Async>
      </Card>
    </>
  );
}

const classColour: Record<DriftClass, string> = { stable: palette.green, moderate: palette.amber, drift: palette.red };

function Drift({ d }: { d: DriftRun }) {
  const { moderate, drift } = d.thresholds;
  const psiOption = useMemo<EChartsCoreOption>(() => {
    const colour = (v: number) => (v > drift ? palette.red : v >= moderate ? palette.amber : palette.green);
    const rows = [
      { name: 'Churn score', psi: d.score.psi },
      ...d.verdict.features.slice(0, 20).map((f) => ({ name: label(f.feature), psi: f.psi })),
    ];
    const axisMax = Number(Math.max(drift * 1.5, ...rows.map((r) => r.psi)).toFixed(2));
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => v.toFixed(3) },
      xAxis: { type: 'value', name: 'PSI', nameLocation: 'middle', nameGap: 22, max: axisMax },
      yAxis: { type: 'category', inverse: true, data: rows.map((x) => x.name), axisLabel: { fontSize: 11 } },
      series: [
        {
          type: 'bar',
          data: rows.map((x) => ({ value: x.psi, itemStyle: { color: colour(x.psi) } })),
          markArea: {
            silent: true,
            data: [
              [{ xAxis: moderate, itemStyle: { color: 'rgba(217,119,6,0.10)' } }, { xAxis: drift }],
              // 'max' would be the largest bar, not the axis end: below 0.2 it would draw the red band backwards.
              [{ xAxis: drift, itemStyle: { color: 'rgba(220,38,38,0.10)' } }, { xAxis: axisMax }],
            ],
          },
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed' },
            label: { formatter: '{c}', position: 'end' },
            data: [{ xAxis: moderate }, { xAxis: drift }],
          },
        },
      ],
    };
  }, [d, moderate, drift]);
  const bins = d.score.bins;
  const distOption = useMemo<EChartsCoreOption>(
    () => ({
      grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v.toFixed(1)}%` },
      xAxis: { type: 'category', data: bins.map((b) => scoreBand(b.label)), axisLabel: { fontSize: 10, rotate: 30 } },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: [
        { type: 'bar', name: 'baseline (training)', color: palette.grey, data: bins.map((b) => 100 * b.expected) },
        { type: 'bar', name: 'now', color: palette.blue, data: bins.map((b) => 100 * b.actual) },
      ],
    }),
    [bins],
  );
  const shown = Math.min(20, d.verdict.features.length) + 1;
  const classes = { stable: 0, moderate: 0, drift: 0 };
  for (const f of d.verdict.features) classes[f.class]++;
  return (
    <>
      <Card title="Drift verdict" wide help={d.verdict.reason}>
        <div className="stats" data-testid="drift-verdict">
          <Stat label="Data drift" value={d.verdict.dataset} tone={d.verdict.dataset === 'stable' ? 'good' : 'bad'} />
          <Stat label="Score PSI" value={num3(d.score.psi)} hint={`${d.verdict.score.class}; below ${moderate} = stable`} />
          <Stat
            label="Features drifted"
            value={`${classes.drift} of ${d.verdict.features.length}`}
            hint={`${classes.moderate} moderate, ${classes.stable} stable`}
          />
          <Stat
            label="Compared on"
            value={d.at}
            hint={`${count(d.rows)} ${d.batch ? 'logged predictions' : 'customers'} · model ${d.modelId} · run ${when(d.created_at)}`}
          />
        </div>
      </Card>
      <div className="grid two">
        <Card
          title="PSI per feature"
          help={`The score and the ${shown - 1} most moved features. Green: below ${moderate} (stable); amber band ${moderate}–${drift} (moderate); red band above ${drift} (drift).`}
        >
          <div data-testid="psi-chart" data-bars={shown} data-score-psi={d.score.psi.toFixed(3)}>
            <Chart option={psiOption} height={shown * 22 + 60} label="Population stability index for the score and per feature" />
          </div>
          <ul className="legend-list" aria-label="Drift classes">
            {(['stable', 'moderate', 'drift'] as const).map((c) => (
              <li key={c}>
                <span className="swatch" style={{ background: classColour[c] }} aria-hidden="true" /> {c}: {classes[c]} features
              </li>
            ))}
          </ul>
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

function Performance({ p }: { p: PerformanceReply }) {
  const mature = p.cohorts.filter((c) => c.status === 'mature');
  const pending = p.cohorts.filter((c) => c.status === 'pending');
  const option = useMemo<EChartsCoreOption>(
    () => ({
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => v.toFixed(3) },
      xAxis: { type: 'category', data: mature.map((c) => c.snapshotDate) },
      yAxis: { type: 'value', min: 0, max: 1 },
      series: [
        { type: 'line', name: 'ROC-AUC', color: palette.blue, data: mature.map((c) => c.rocAuc) },
        { type: 'line', name: 'precision', color: palette.green, data: mature.map((c) => c.precision) },
        { type: 'line', name: 'recall', color: palette.red, data: mature.map((c) => c.recall) },
        { type: 'line', name: 'accuracy', color: palette.grey, data: mature.map((c) => c.accuracy) },
      ],
    }),
    [mature],
  );
  if (p.cohorts.length === 0)
    return (
      <p className="muted">
        No scored cohorts yet. Run <code>churn score</code>; once its churn window has passed, its realised performance shows
        here.
      </p>
    );
  return (
    <>
      {mature.length > 1 && <Chart option={option} height={240} label="Realised performance per cohort" />}
      <div className="table-wrap">
        <table className="table compact" data-testid="performance">
          <thead>
            <tr>
              <th scope="col">Scored on</th>
              <th scope="col">Model</th>
              <th scope="col" className="num">
                Customers
              </th>
              <th scope="col" className="num">
                Churned
              </th>
              <th scope="col" className="num">
                ROC-AUC
              </th>
              <th scope="col" className="num">
                Precision
              </th>
              <th scope="col" className="num">
                Recall
              </th>
              <th scope="col" className="num">
                Accuracy
              </th>
            </tr>
          </thead>
          <tbody>
            {p.cohorts.map((c) => (
              <tr key={`${c.modelId}-${c.snapshotDate}`} data-status={c.status}>
                <td>{c.snapshotDate}</td>
                <td>{c.modelId}</td>
                <td className="num">{count(c.customers)}</td>
                {c.status === 'mature' ? (
                  <>
                    <td className="num">{count(c.churned)}</td>
                    <td className="num">{num3(c.rocAuc)}</td>
                    <td className="num">{pct(c.precision)}</td>
                    <td className="num">{pct(c.recall)}</td>
                    <td className="num">{pct(c.accuracy)}</td>
                  </>
                ) : (
                  <td colSpan={5} className="muted" data-testid="labels-pending">
                    labels pending until {c.labelsMatureOn}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pending.length > 0 && (
        <p className="muted">
          A cohort is measured once its churn window has passed: until then nobody knows yet who of its customers cancelled.
        </p>
      )}
    </>
  );
}

function Alerts({ alerts }: { alerts: AlertList['alerts'] }) {
  if (alerts.length === 0)
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
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={a.alertId}>
              <td>{when(a.createdAt)}</td>
              <td>{a.severity}</td>
              <td>{label(a.kind)}</td>
              <td>{a.message}</td>
              <td>{a.resolvedAt ? `resolved ${when(a.resolvedAt)}` : 'open'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A score bin label such as "[0.0027, 0.0065)" in percentages: "0.3–0.7%". */
function scoreBand(bin: string): string {
  const n = (bin.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map((x) => `${(100 * Number(x)).toFixed(1)}%`);
  if (bin.startsWith('<')) return `< ${n[0]}`;
  if (bin.startsWith('≥') || bin.startsWith('>=')) return `≥ ${n[0]}`;
  return n.length === 2 ? `${n[0]}–${n[1]}` : bin;
}
