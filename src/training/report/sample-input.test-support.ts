/** A realistic report input for tests and for eyeballing: four candidates scored on synthetic binormal data. */
import { downsampleCurve } from '../../registry/index.js';
import type { ReportCandidate, ReportMetrics, TrainingReportInput } from './types.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const N = 4000;
const random = rng(7);
const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const labels: number[] = Array.from({ length: N }, () => (random() < 0.082 ? 1 : 0));
const noise = labels.map(() => gauss());

function scores(separation: number, slope: number): number[] {
  return labels.map((y, i) => 1 / (1 + Math.exp(-(-3.1 + slope * (noise[i] + y * separation)))));
}

function evaluate(p: number[]) {
  const order = p.map((_, i) => i).sort((a, b) => p[b] - p[a]);
  const P = labels.reduce((s, y) => s + y, 0);
  const Nn = N - P;
  const roc = { x: [0], y: [0] };
  const pr = { x: [0], y: [1] };
  let tp = 0;
  let fp = 0;
  let auc = 0;
  let ap = 0;
  for (let k = 0; k < N; k++) {
    const i = order[k];
    if (labels[i]) tp++;
    else fp++;
    if (k < N - 1 && p[order[k + 1]] === p[i]) continue;
    const [x0, y0] = [roc.x.at(-1)!, roc.y.at(-1)!];
    roc.x.push(fp / Nn);
    roc.y.push(tp / P);
    auc += ((fp / Nn - x0) * (tp / P + y0)) / 2;
    ap += (tp / P - pr.x.at(-1)!) * (tp / (tp + fp));
    pr.x.push(tp / P);
    pr.y.push(tp / (tp + fp));
  }
  const at = (t: number) => {
    const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
    p.forEach((v, i) => {
      if (v >= t) labels[i] ? c.tp++ : c.fp++;
      else labels[i] ? c.fn++ : c.tn++;
    });
    const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : null;
    const recall = c.tp / P;
    const f1 = precision ? (2 * precision * recall) / (precision + recall) : null;
    return { c, precision, recall, f1 };
  };
  const grid = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  const rows = grid.map(at);
  const bestIdx = rows.reduce((b, r, i) => ((r.f1 ?? 0) > (rows[b].f1 ?? 0) ? i : b), 0);
  const best = rows[bestIdx];
  const top = order.slice(0, N / 10).reduce((s, i) => s + labels[i], 0);
  const metrics: ReportMetrics = {
    rocAuc: auc,
    prAuc: ap,
    precision: best.precision,
    recall: best.recall,
    f1: best.f1,
    accuracy: (best.c.tp + best.c.tn) / N,
    brier: p.reduce((s, v, i) => s + (v - labels[i]) ** 2, 0) / N,
    logLoss: -p.reduce((s, v, i) => s + (labels[i] ? Math.log(v) : Math.log(1 - v)), 0) / N,
    topDecileLift: top / (N / 10) / (P / N),
    topDecileCapture: top / P,
    threshold: grid[bestIdx],
  };
  const bins = Array.from({ length: 10 }, () => ({ s: 0, y: 0, n: 0 }));
  p.forEach((v, i) => {
    const b = bins[Math.min(9, Math.floor(v * 10))];
    b.s += v;
    b.y += labels[i];
    b.n++;
  });
  const full = bins.filter((b) => b.n > 0);
  return {
    metrics,
    confusion: best.c,
    roc: downsampleCurve(roc, 120),
    pr: downsampleCurve(pr, 120),
    calibration: { predicted: full.map((b) => b.s / b.n), observed: full.map((b) => b.y / b.n), count: full.map((b) => b.n) },
    thresholdCurve: {
      threshold: grid,
      precision: rows.map((r) => r.precision),
      recall: rows.map((r) => r.recall),
      f1: rows.map((r) => r.f1),
    },
  };
}

/** The sample input (deterministic). */
export function sampleReportInput(): TrainingReportInput {
  const specs: [string, string, number, number][] = [
    ['Histogram boosting', 'hist_boosting', 1.55, 1.05],
    ['Gradient boosting', 'gradient_boosting', 1.5, 1.0],
    ['Random forest', 'random_forest', 1.42, 0.8],
    ['Logistic regression', 'logistic', 1.25, 1.0],
  ];
  const evals = specs.map(([, , d, s]) => evaluate(scores(d, s)));
  const candidates: ReportCandidate[] = specs.map(([name, family], i) => ({
    name,
    family,
    selected: i === 0,
    metrics: evals[i].metrics,
    roc: evals[i].roc,
    pr: evals[i].pr,
  }));
  const chosen = evals[0];
  return {
    modelId: 'm-3f9a2c1b7d4e',
    codeVersion: '0.1.0',
    source: 'snapshots',
    data: {
      window: { from: '2025-01-01', to: '2025-12-31' },
      cutoffs: {
        train: ['2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31', '2025-06-30', '2025-07-31', '2025-08-31', '2025-09-30'],
        validation: ['2025-10-31'],
      },
      folds: null,
      horizonDays: 30,
      rows: { train: 31_874, validation: N },
      churnRate: { train: 0.0791, validation: labels.reduce((s, y) => s + y, 0) / N },
      features: 48,
    },
    selection: {
      rule: 'Highest validation PR-AUC; candidates within 0.002 of the best go to the simpler model (logistic < forest < boosting).',
      reason: `Histogram boosting has the highest PR-AUC (${chosen.metrics.prAuc?.toFixed(3)}), ahead of gradient boosting by more than 0.002.`,
    },
    candidates,
    chosen: {
      threshold: {
        value: chosen.metrics.threshold,
        rule: 'f1',
        details: { 'F1 at threshold': chosen.metrics.f1 ?? 0, 'Customers flagged': chosen.confusion.tp + chosen.confusion.fp },
      },
      confusion: chosen.confusion,
      calibration: chosen.calibration,
      thresholdCurve: chosen.thresholdCurve,
    },
    importance: {
      method: 'mean |SHAP| (log-odds)',
      values: [
        ['days_since_last_activity', 'Days since last activity', 0.412],
        ['failed_payments_30d', 'Failed payments, last 30 days', 0.297],
        ['sessions_trend_30d', 'Usage trend (last 30 d vs the 30 before)', 0.241],
        ['auto_renew', 'Auto-renew on', 0.188],
        ['tenure_days', 'Tenure', 0.163],
        ['total_crashes_30d', 'App crashes, last 30 days', 0.121],
        ['support_tickets_30d', 'Support tickets, last 30 days', 0.094],
        ['plan_type', 'Plan', 0.071],
        ['monthly_price', 'Monthly price', 0.055],
        ['avg_resolution_time_30d', 'Mean ticket resolution time', 0.032],
      ].map(([feature, label, value]) => ({ feature: feature as string, label: label as string, value: value as number })),
    },
    importances: [
      {
        name: 'mean_abs_shap',
        method: 'mean |SHAP| (log-odds) over 1000 validation rows',
        sample: { rows: 1000, from: 'out-of-time validation' },
        values: [
          { feature: 'days_since_last_activity', value: 0.412 },
          { feature: 'failed_payments_30d', value: 0.297 },
        ],
      },
      {
        name: 'permutation',
        method: 'permutation: mean ROC-AUC drop over 2 shuffles of 3564 validation rows',
        sample: { rows: 3564, from: 'out-of-time validation' },
        values: [
          { feature: 'failed_payments_30d', value: 0.0412 },
          { feature: 'days_since_last_activity', value: 0.0213 },
        ],
      },
      {
        name: 'native',
        method: 'split cover share',
        sample: null,
        values: [{ feature: 'days_since_last_activity', value: 0.31 }],
      },
    ],
  };
}
