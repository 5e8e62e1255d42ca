/** Per-row explanations on business features: exact SHAP summed from encoded columns, base value, margin, drivers in words. */
import { ChurnError } from '../errors/index.js';
import { type FeatureFrame, isNumericColumn } from '../features/index.js';
import {
  aggregateContributionRows,
  type Driver,
  type DriverDescription,
  describeDriver,
  type FeatureGroups,
  type FeatureValue,
  topDrivers,
} from '../insights/index.js';
import { strongestIndices } from './driver-selection.js';
import type { EncodedShap, MarginUnit } from './estimator.js';

/** Default number of drivers shown each way (up and down). */
export const defaultTopK = 3;

/**
 * Largest |base + Σ contributions − margin| accepted at run time. TreeSHAP sums a few thousand path terms per row in
 * floating point, so exact equality is not expected; observed gaps are around 1e-15 (the tests require < 1e-9).
 */
export const additivityTolerance = 1e-6;

/** A customer's drivers: the strongest pushes up and down, each in business words with the value and the unit. */
export interface CustomerDrivers {
  up: DriverDescription[];
  down: DriverDescription[];
}

/** SHAP explanations of a batch of rows, on business features. */
export interface Explanations {
  /** Scale of base value, contributions and margin: log-odds, or probability for forests. */
  unit: MarginUnit;
  /** The model's expected margin (no feature known): every row starts from it. */
  baseValue: number;
  /** Business features, in model column order of first appearance. */
  features: readonly string[];
  nRows: number;
  /** nRows × features.length, row-major: contributions[i·k + f]. */
  contributions: Float64Array;
  /** The model's margin of each row, from the prediction path (not from the SHAP values). */
  margin: Float64Array;
  /** The customer's own value of a business feature (category label, number, or null when missing). */
  valueAt(row: number, feature: string): FeatureValue;
  /** Every input and derived value of one row (context for driver sentences). */
  rowValues(row: number): Record<string, FeatureValue>;
  /** base + Σ contributions − margin for one row (≈ 0: additivity). */
  additivityGap(row: number): number;
  /** Every business feature's driver of one row (value from `values` when given: rowValues(row)). */
  driverList(row: number, values?: Record<string, FeatureValue>): Driver[];
  /**
   * The `k` strongest drivers of one row raising (`sign` 1) or lowering (`sign` -1) the risk, strongest first: what
   * strongest-first selection from driverList(row, values) gives, for k an integer in 1..64 (isSelectableCount).
   */
  strongest(row: number, k: number, sign: 1 | -1, values?: Record<string, FeatureValue>): Driver[];
  /** The top-k drivers raising and lowering the risk of one row, rendered (default k = 3). */
  drivers(row: number, topK?: number): CustomerDrivers;
}

/**
 * Renders the top-k drivers each way with the customer's values as context, and writes each rendered sentence onto
 * its driver (`text`), so the retention engine quotes the same words without rendering them again.
 */
export function renderTop(
  drivers: Driver[],
  topK: number,
  unit: MarginUnit,
  values: Record<string, FeatureValue>,
): CustomerDrivers {
  return renderDrivers(topDrivers(drivers, topK), unit, values);
}

/** Renders drivers already selected (strongest first each way), writing each sentence onto its driver as renderTop. */
export function renderDrivers(
  top: { up: readonly Driver[]; down: readonly Driver[] },
  unit: MarginUnit,
  values: Record<string, FeatureValue>,
): CustomerDrivers {
  const context = { unit, features: values };
  const render = (d: Driver) => {
    const described = describeDriver({ feature: d.feature, value: d.value, contribution: d.contribution, context });
    d.text = described.text;
    return described;
  };
  return { up: top.up.map(render), down: top.down.map(render) };
}

/**
 * An object with every name of `names` (in that order, all null) to copy for each row's values. An object given its
 * ~90 properties one by one turns into a slow dictionary (~6 µs a row, and slow to read); a copy of this template
 * keeps the template's fast layout (~2 µs). JSON.parse builds objects with fast properties. A few layouts are kept.
 */
const templates = new Map<string, Record<string, FeatureValue>>();
function rowTemplate(names: readonly string[]): Record<string, FeatureValue> {
  const key = names.join('\u0000');
  let t = templates.get(key);
  if (t === undefined) {
    if (templates.size >= 16) templates.clear();
    t = JSON.parse(JSON.stringify(Object.fromEntries(names.map((n) => [n, null])))) as Record<string, FeatureValue>;
    templates.set(key, t);
  }
  return t;
}

/** Builds the explanations of `frame`'s rows from encoded SHAP values and the model's own margins (`defaultK` drivers each way). */
export function explanationsOf(
  shap: EncodedShap,
  margin: Float64Array,
  groups: FeatureGroups,
  frame: FeatureFrame,
  defaultK = defaultTopK,
): Explanations {
  const nRows = margin.length;
  const k = groups.names.length;
  const contributions = aggregateContributionRows(groups, shap.values, nRows);
  const valueAt = (row: number, feature: string): FeatureValue => {
    const c = frame.columns[feature];
    if (!c) return null;
    const v = c[row];
    return isNumericColumn(c) ? (Number.isNaN(v) ? null : (v as number)) : (v as string | null);
  };
  // rowOf reads Object.entries per call; a batch reads the column list once.
  const names = Object.keys(frame.columns);
  const cols = names.map((n) => frame.columns[n]);
  const template = rowTemplate(names);
  const rowValues = (row: number): Record<string, FeatureValue> => {
    const out: Record<string, FeatureValue> = { ...template };
    for (let j = 0; j < names.length; j++) {
      const v = cols[j][row];
      out[names[j]] = typeof v === 'number' && Number.isNaN(v) ? null : v;
    }
    return out;
  };
  return {
    unit: shap.unit,
    baseValue: shap.baseValue,
    features: groups.names,
    nRows,
    contributions,
    margin,
    valueAt,
    rowValues,
    additivityGap(row) {
      let total = shap.baseValue;
      for (let f = 0; f < k; f++) total += contributions[row * k + f];
      return total - margin[row];
    },
    driverList: (row, values) =>
      groups.names.map((feature, f) => ({
        feature,
        value: values ? (values[feature] ?? null) : valueAt(row, feature),
        contribution: contributions[row * k + f],
      })),
    strongest: (row, count, sign, values) =>
      strongestIndices(groups.names, contributions, row * k, count, sign).map((f) => {
        const feature = groups.names[f];
        return {
          feature,
          value: values ? (values[feature] ?? null) : valueAt(row, feature),
          contribution: contributions[row * k + f],
        };
      }),
    drivers(row, topK = defaultK) {
      const values = rowValues(row);
      return renderTop(this.driverList(row, values), topK, shap.unit, values);
    },
  };
}

/** Checks base + Σ contributions = margin on every row; CHURN_ERR_INTERNAL naming the first row that breaks it. */
export function assertAdditive(e: Explanations, tolerance = additivityTolerance): number {
  let worst = 0;
  for (let i = 0; i < e.nRows; i++) {
    const gap = Math.abs(e.additivityGap(i));
    if (!(gap <= tolerance))
      throw new ChurnError(
        'CHURN_ERR_INTERNAL',
        `Explanation of row ${i} does not add up: base ${e.baseValue} + contributions ≠ margin ${e.margin[i]} (gap ${gap})`,
        { row: i, gap, tolerance },
      );
    worst = Math.max(worst, gap);
  }
  return worst;
}
