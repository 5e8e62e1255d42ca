/** The result of a retention experiment: retention per arm, lift, significance, confidence interval and a verdict. */
import { ChurnError } from '../../errors/index.js';
import { formatSigned } from '../drivers/format.js';
import { normalQuantile } from './normal.js';
import {
  type Interval,
  newcombeDifferenceInterval,
  twoProportionZTest,
  waldDifferenceInterval,
  wilsonInterval,
} from './proportions.js';

/** Customers in one arm and how many of them were still subscribed after the horizon. */
export interface ArmCounts {
  n: number;
  retained: number;
}

/** One arm's figures. */
export interface ArmResult extends ArmCounts {
  churned: number;
  retentionRate: number;
  churnRate: number;
  /** Wilson score interval of the retention rate. */
  retentionInterval: Interval;
}

/** What the experiment says. */
export type ExperimentVerdict = 'treatment_better' | 'treatment_worse' | 'inconclusive';

/** The analysis of a treatment/control retention experiment. */
export interface ExperimentAnalysis {
  control: ArmResult;
  treatment: ArmResult;
  /** Treatment minus control retention rate. */
  absoluteLift: number;
  /** absoluteLift / control retention rate; null when control retained no one. */
  relativeLift: number | null;
  /** Relative reduction of the churn rate, (churn_c − churn_t)/churn_c: the scale of a rule's expectedUplift. */
  churnReduction: number | null;
  /** Pooled two-proportion z statistic and its two-sided p-value. */
  z: number;
  pValue: number;
  confidence: number;
  /** Wald interval of the absolute lift (the default interval). */
  interval: Interval;
  /** Newcombe hybrid score interval of the absolute lift (better with small arms or rates near 0 or 1). */
  newcombeInterval: Interval;
  verdict: ExperimentVerdict;
  /** The result in one or two plain sentences. */
  summary: string;
}

function checkArm(name: string, arm: ArmCounts): void {
  const fail = (field: string, rule: string, value: unknown) => {
    throw new ChurnError('CHURN_ERR_VALIDATION', `${name}.${field} must be ${rule}, got ${String(value)}`, {
      field: `${name}.${field}`,
      value,
    });
  };
  if (!(Number.isInteger(arm.n) && arm.n >= 1)) fail('n', 'an integer ≥ 1', arm.n);
  if (!(Number.isInteger(arm.retained) && arm.retained >= 0 && arm.retained <= arm.n)) {
    fail('retained', `an integer in [0, ${arm.n}]`, arm.retained);
  }
}

function armResult(arm: ArmCounts, z: number): ArmResult {
  const retentionRate = arm.retained / arm.n;
  return {
    ...arm,
    churned: arm.n - arm.retained,
    retentionRate,
    churnRate: 1 - retentionRate,
    retentionInterval: wilsonInterval(arm.retained, arm.n, z),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const pp = (x: number) => formatSigned(x * 100, 1);
const pText = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

function summarise(a: Omit<ExperimentAnalysis, 'summary'>): string {
  const level = `${Math.round(a.confidence * 1000) / 10} %`;
  const facts =
    `Treatment retained ${pct(a.treatment.retentionRate)} of ${a.treatment.n} customers, control ${pct(a.control.retentionRate)} of ${a.control.n}: ` +
    `${pp(a.absoluteLift)} percentage points (${level} CI ${pp(a.interval.lower)} to ${pp(a.interval.upper)}), ${pText(a.pValue)}.`;
  switch (a.verdict) {
    case 'treatment_better':
      return `${facts} The action improves retention${a.churnReduction === null ? '' : `, cutting churn by ${pct(a.churnReduction)}`}.`;
    case 'treatment_worse':
      return `${facts} The action lowers retention; stop or rethink it.`;
    case 'inconclusive':
      return `${facts} No significant difference at the ${Math.round((1 - a.confidence) * 1000) / 10} % level; the data still allow effects from ${pp(a.interval.lower)} to ${pp(a.interval.upper)} points — a larger experiment is needed to tell.`;
  }
}

/**
 * Analyses a two-arm retention experiment. The verdict follows the pooled z-test at level 1 − confidence;
 * the interval shown is Wald's, with Newcombe's alongside.
 */
export function analyseExperiment(
  arms: { control: ArmCounts; treatment: ArmCounts },
  options: { confidence?: number } = {},
): ExperimentAnalysis {
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) {
    throw new ChurnError('CHURN_ERR_PARAM', `confidence must be in (0, 1), got ${confidence}`, {
      field: 'confidence',
      value: confidence,
    });
  }
  checkArm('control', arms.control);
  checkArm('treatment', arms.treatment);
  const zCrit = normalQuantile(1 - (1 - confidence) / 2);
  const control = armResult(arms.control, zCrit);
  const treatment = armResult(arms.treatment, zCrit);
  const t = [treatment.retained, treatment.n] as const;
  const c = [control.retained, control.n] as const;
  const { z, pValue } = twoProportionZTest(...t, ...c);
  const absoluteLift = treatment.retentionRate - control.retentionRate;
  const significant = pValue < 1 - confidence;
  const analysis = {
    control,
    treatment,
    absoluteLift,
    relativeLift: control.retentionRate === 0 ? null : absoluteLift / control.retentionRate,
    churnReduction: control.churnRate === 0 ? null : (control.churnRate - treatment.churnRate) / control.churnRate,
    z,
    pValue,
    confidence,
    interval: waldDifferenceInterval(...t, ...c, zCrit),
    newcombeInterval: newcombeDifferenceInterval(...t, ...c, zCrit),
    verdict: (!significant ? 'inconclusive' : absoluteLift > 0 ? 'treatment_better' : 'treatment_worse') as ExperimentVerdict,
  };
  return { ...analysis, summary: summarise(analysis) };
}
