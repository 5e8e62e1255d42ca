/** Permutation importance on validation rows: how much ROC-AUC drops when one business feature's values are shuffled. */
import type { EncodedColumn } from '../../features/index.js';
import { type ClassifierModel, type Matrix, permutation, predictProba, rng, rocAuc } from '../../ml/index.js';
import type { Importance } from '../../registry/index.js';
import { columnGroups, sorted } from './by-feature.js';

/**
 * For each business feature, all its encoded columns are permuted with the same row permutation (so one-hot pieces
 * stay a valid encoding of some other row's value), the model re-scores, and the ROC-AUC drop is averaged over
 * `repeats` seeded permutations. Model-agnostic, on the validation rows the metrics come from.
 */
export function permutationImportance(
  model: ClassifierModel,
  X: Matrix,
  y: Uint8Array,
  columns: readonly EncodedColumn[],
  options: { repeats?: number; seed: number },
): Importance {
  const repeats = options.repeats ?? 2;
  const base = rocAuc(y, predictProba(model, X));
  const rand = rng(options.seed ^ 0x5eed);
  const drops = new Map<string, number>();
  for (const [feature, js] of columnGroups(columns)) {
    let drop = 0;
    for (let r = 0; r < repeats; r++) {
      const order = permutation(rand, X.nRows);
      const shuffled = X.columns.slice();
      for (const j of js) shuffled[j] = Float64Array.from(order, (i) => X.columns[j][i]);
      drop += base - rocAuc(y, predictProba(model, { nRows: X.nRows, columns: shuffled }));
    }
    drops.set(feature, drop / repeats);
  }
  return sorted(`permutation: mean ROC-AUC drop over ${repeats} shuffles of ${X.nRows} validation rows`, drops);
}
