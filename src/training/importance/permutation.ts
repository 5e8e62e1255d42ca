/** Permutation importance on validation rows: how much ROC-AUC drops when one business feature's values are shuffled. */
import type { EncodedColumn } from '../../features/index.js';
import {
  type AnyFlatTree,
  addTreeValues,
  type ClassifierModel,
  type Matrix,
  permutation,
  predictMargin,
  rng,
  rocAuc,
} from '../../ml/index.js';
import type { Importance } from '../../registry/index.js';
import { columnGroups, sorted } from './by-feature.js';

/** A tree ensemble as a sum: margin = offset + Σ over trees, in order, of scale × leaf value (forest: the probability). */
function treeSum(model: ClassifierModel): { trees: readonly AnyFlatTree[]; scale: number; offset: number } | null {
  switch (model.kind) {
    case 'random-forest':
      return { trees: model.trees, scale: 1 / model.trees.length, offset: 0 };
    case 'gradient-boosting':
      return { trees: model.trees, scale: 1, offset: model.init };
    case 'hist_boosting':
      return { trees: model.trees, scale: 1, offset: model.baseMargin };
    default:
      return null; // logistic regression and a single tree: each shuffled copy is scored whole
  }
}

/** Whether `tree` splits on any of the columns `js`. */
function usesAny(tree: AnyFlatTree, js: readonly number[]): boolean {
  for (let n = 0; n < tree.feature.length; n++) if (js.includes(tree.feature[n])) return true;
  return false;
}

/**
 * Scores of shuffled copies for a tree ensemble. Shuffling a feature changes only the leaves of the trees that split
 * on it, so each tree's leaf value per row is walked once, and a copy re-walks only the trees the shuffled feature
 * reaches; the sum then runs over all trees in their order, the same operations as scoring the whole copy, so every
 * score, tie and importance is the same. At 5,000 customers the selected booster's 92 trees of depth 3 split on ~5
 * features each: the measure went from 0.6 to 0.3 s.
 */
function ensembleScorer(ensemble: NonNullable<ReturnType<typeof treeSum>>, X: Matrix) {
  const { trees, scale, offset } = ensemble;
  const n = X.nRows;
  const leafValues = (tree: AnyFlatTree, columns: Matrix['columns']) => {
    const v = new Float64Array(n);
    addTreeValues(tree, columns, v);
    return v;
  };
  const original = trees.map((t) => leafValues(t, X.columns));
  const sum = (leavesOf: (t: number) => Float64Array) => {
    const out = new Float64Array(n).fill(offset);
    for (let t = 0; t < trees.length; t++) {
      const v = leavesOf(t);
      for (let i = 0; i < n; i++) out[i] += scale * v[i];
    }
    return out;
  };
  return {
    base: () => sum((t) => original[t]),
    /** The trees that split on any of the columns `js`. */
    reaching: (js: readonly number[]) => trees.flatMap((tree, t) => (usesAny(tree, js) ? [t] : [])),
    /** Scores with the columns the trees `reached` read replaced as in `columns`. */
    shuffled: (columns: Matrix['columns'], reached: readonly number[]) => {
      const fresh = new Map(reached.map((t) => [t, leafValues(trees[t], columns)]));
      return sum((t) => fresh.get(t) ?? original[t]);
    },
  };
}

/**
 * For each business feature, all its encoded columns are permuted with the same row permutation (so one-hot pieces
 * stay a valid encoding of some other row's value), the model re-scores, and the ROC-AUC drop is averaged over
 * `repeats` seeded permutations. Model-agnostic, on the validation rows the metrics come from. Scores are compared on
 * the model's margin, which ranks rows as its probability does.
 */
export function permutationImportance(
  model: ClassifierModel,
  X: Matrix,
  y: Uint8Array,
  columns: readonly EncodedColumn[],
  options: { repeats?: number; seed: number },
): Importance {
  const repeats = options.repeats ?? 2;
  const n = X.nRows;
  const ensemble = treeSum(model);
  const scorer = ensemble && ensembleScorer(ensemble, X);
  const base = rocAuc(y, scorer ? scorer.base() : predictMargin(model, X));
  const rand = rng(options.seed ^ 0x5eed);
  const drops = new Map<string, number>();
  const shuffled = X.columns.slice();
  for (const [feature, js] of columnGroups(columns)) {
    const reached = scorer?.reaching(js) ?? [];
    let drop = 0;
    for (let r = 0; r < repeats; r++) {
      const order = permutation(rand, n);
      for (const j of js) shuffled[j] = Float64Array.from(order, (i) => X.columns[j][i]);
      const scores = scorer ? scorer.shuffled(shuffled, reached) : predictMargin(model, { nRows: n, columns: shuffled });
      drop += base - rocAuc(y, scores);
    }
    for (const j of js) shuffled[j] = X.columns[j];
    drops.set(feature, drop / repeats);
  }
  return sorted(`permutation: mean ROC-AUC drop over ${repeats} shuffles of ${n} validation rows`, drops);
}
