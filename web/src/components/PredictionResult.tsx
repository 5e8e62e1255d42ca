/** One scored customer: probability gauge, risk bucket, decision, drivers waterfall and the recommended action. */
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { pct } from '../format';
import type { Driver, Prediction } from '../types';
import { Chart, palette } from './Chart';
import { Bucket, Card } from './ui';

export function PredictionResult({ p, threshold }: { p: Prediction; threshold: number | null }) {
  const gauge = useMemo<EChartsCoreOption>(
    () => ({
      series: [
        {
          type: 'gauge',
          min: 0,
          max: 100,
          radius: '100%',
          center: ['50%', '62%'],
          splitNumber: 4,
          startAngle: 200,
          endAngle: -20,
          progress: { show: true, width: 14, itemStyle: { color: p.prediction === 1 ? palette.red : palette.blue } },
          axisLine: { lineStyle: { width: 14, color: [[1, '#e2e8f0']] } },
          axisTick: { show: false },
          splitLine: { length: 6, lineStyle: { color: '#94a3b8' } },
          axisLabel: { distance: 18, color: '#64748b', formatter: '{value}%' },
          pointer: { show: false },
          detail: { valueAnimation: false, formatter: '{value}%', fontSize: 28, offsetCenter: [0, '10%'], color: palette.ink },
          title: { offsetCenter: [0, '45%'], fontSize: 12, color: '#64748b' },
          data: [{ value: Math.round(p.probability * 1000) / 10, name: 'churn probability' }],
        },
      ],
    }),
    [p],
  );
  const all: Driver[] = [...(p.drivers?.up ?? []), ...(p.drivers?.down ?? [])].sort(
    (a, b) => Math.abs(b.contribution) - Math.abs(a.contribution),
  );
  return (
    <div className="grid two" data-testid="prediction-result">
      <Card
        title={`Customer ${p.customer_id}`}
        help={p.snapshot_date ? `Scored on the stored data of ${p.snapshot_date}.` : undefined}
      >
        <Chart option={gauge} height={230} label={`Churn probability ${pct(p.probability)}`} />
        <dl className="facts">
          <dt>Churn probability</dt>
          <dd data-testid="probability">{pct(p.probability)}</dd>
          <dt>Risk bucket</dt>
          <dd>
            <Bucket name={p.risk_bucket} />
          </dd>
          <dt>Decision</dt>
          <dd>
            {p.prediction === 1 ? <strong className="bad">Likely to churn — act</strong> : <span>Not flagged</span>}
            {threshold !== null && <span className="muted"> (flagged at ≥ {pct(threshold)})</span>}
          </dd>
        </dl>
        {p.action ? (
          <div className="action" data-testid="action">
            <h3>Recommended action</h3>
            <p>
              <strong>{p.action.action}</strong> via {p.action.channel}
              {p.action.offer ? ` — offer: ${p.action.offer}` : ''}
            </p>
            <p className="muted">Why: {p.action.reason}</p>
          </div>
        ) : (
          <p className="muted">No retention action recommended for this customer.</p>
        )}
      </Card>
      <Card
        title="Why this score"
        help={`Each bar is one reason, in ${p.drivers?.unit ?? 'model'} units: red pushes the churn risk up, green pulls it down, relative to an average customer.`}
      >
        {all.length === 0 ? (
          <p className="muted">No drivers were returned.</p>
        ) : (
          <Waterfall drivers={all.slice(0, 10)} unit={p.drivers?.unit ?? ''} />
        )}
        <ul className="driver-texts" data-testid="drivers">
          {all.slice(0, 6).map((d) => (
            <li key={d.feature} className={d.contribution > 0 ? 'up' : 'down'}>
              {d.contribution > 0 ? '▲' : '▼'} {d.text}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

/** A horizontal waterfall: each driver starts where the previous one ended. */
function Waterfall({ drivers, unit }: { drivers: Driver[]; unit: string }) {
  const option = useMemo<EChartsCoreOption>(() => {
    let run = 0;
    const base: number[] = [];
    const value: { value: number; itemStyle: { color: string } }[] = [];
    for (const d of drivers) {
      const start = run;
      run += d.contribution;
      base.push(Math.min(start, run));
      value.push({ value: Math.abs(d.contribution), itemStyle: { color: d.contribution > 0 ? palette.red : palette.green } });
    }
    const names = drivers.map((d) => (d.text.length > 38 ? `${d.text.slice(0, 36)}…` : d.text));
    return {
      grid: { left: 8, right: 16, top: 8, bottom: 24, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (ps: { dataIndex: number }[]) => {
          const d = drivers[ps[0].dataIndex];
          return `${d.text}<br/>${d.contribution > 0 ? '+' : ''}${d.contribution.toFixed(3)} ${unit}`;
        },
      },
      xAxis: {
        type: 'value',
        name: `${unit} (0 = average customer)`,
        nameLocation: 'middle',
        nameGap: 22,
        axisLabel: { fontSize: 10 },
      },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontSize: 11 } },
      series: [
        {
          type: 'bar',
          stack: 'w',
          stackStrategy: 'all',
          data: base,
          itemStyle: { color: 'transparent' },
          emphasis: { disabled: true },
          silent: true,
        },
        { type: 'bar', stack: 'w', stackStrategy: 'all', data: value, barWidth: '60%' },
      ],
    };
  }, [drivers, unit]);
  return (
    <Chart option={option} height={Math.max(180, drivers.length * 30 + 40)} label="Drivers of the churn score as a waterfall" />
  );
}
