/** Validated records → the columnar frame of their input features, with plain loops (no iterator per cell). */
import type { Category, FeatureFrame, FrameColumn } from '../../features/index.js';
import type { ValidRecord } from './input.js';

/** Columns of `features` (numbers and flags as Float64Array, NaN = missing; categories as labels, null = missing). */
export function stackRecords(features: readonly { name: string; type: string }[], records: readonly ValidRecord[]): FeatureFrame {
  const n = records.length;
  const columns: Record<string, FrameColumn> = {};
  for (const f of features) {
    if (f.type === 'categorical') {
      const c = new Array<Category>(n);
      for (let i = 0; i < n; i++) c[i] = (records[i].values[f.name] ?? null) as Category;
      columns[f.name] = c;
    } else {
      const c = new Float64Array(n);
      for (let i = 0; i < n; i++) c[i] = (records[i].values[f.name] ?? Number.NaN) as number;
      columns[f.name] = c;
    }
  }
  const customerId = new Array<string>(n);
  const cutoff = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    customerId[i] = records[i].id;
    cutoff[i] = records[i].cutoff;
  }
  return { nRows: n, customerId, cutoff, columns };
}
