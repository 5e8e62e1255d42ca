/** Summing per-column numbers back to the business features the preprocessor's columns came from. */
import type { EncodedColumn } from '../../features/index.js';
import type { Importance } from '../../registry/index.js';

/** Σ of `values[j]` over the encoded columns j of each business feature, largest first (ties by name), rounded to 6 digits. */
export function byFeature(columns: readonly EncodedColumn[], values: ArrayLike<number>, method: string): Importance {
  const sums = new Map<string, number>();
  for (const [j, c] of columns.entries()) sums.set(c.feature, (sums.get(c.feature) ?? 0) + values[j]);
  return sorted(method, sums);
}

/** An importance list from per-feature values, largest first (ties by name). */
export function sorted(method: string, sums: ReadonlyMap<string, number>): Importance {
  const values = [...sums].map(([feature, value]) => ({ feature, value: Math.round(value * 1e6) / 1e6 }));
  values.sort((a, b) => b.value - a.value || (a.feature < b.feature ? -1 : 1));
  return { method, values };
}

/** The column indices of each business feature, in first-appearance order. */
export function columnGroups(columns: readonly EncodedColumn[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  columns.forEach((c, j) => {
    const g = groups.get(c.feature);
    if (g) g.push(j);
    else groups.set(c.feature, [j]);
  });
  return groups;
}
