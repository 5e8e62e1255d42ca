/** Names of the model input columns a preprocessor produces, each mapped back to its business feature. */
import type { EncodedColumn, Preprocessor } from './types.js';

/** Marker names of the extra one-hot columns. */
export const otherLevel = '__other__';
export const missingLevel = '__missing__';

/** `price`, `price__missing`, `plan_type=Basic`, `plan_type=__other__`, … in matrix order. */
export function encodedColumns(pre: Pick<Preprocessor, 'steps'>): EncodedColumn[] {
  const out: EncodedColumn[] = [];
  for (const s of pre.steps) {
    const add = (name: string) => out.push({ name, feature: s.feature });
    switch (s.kind) {
      case 'numeric':
        add(s.feature);
        if (s.indicator) add(`${s.feature}__missing`);
        break;
      case 'onehot':
        for (const l of s.levels) add(`${s.feature}=${l}`);
        add(`${s.feature}=${otherLevel}`);
        if (s.missingLevel) add(`${s.feature}=${missingLevel}`);
        break;
      case 'ordinal':
        add(s.feature);
        break;
    }
  }
  return out;
}
