/**
 * The one tree layout shared by CART, random forest, both boosters, TreeSHAP and the saved artifact.
 * Node 0 is the root. A node is a leaf when feature[n] === -1. Rows with x <= threshold go left;
 * NaN goes left when missingLeft[n] === 1. value holds the leaf output (a probability for CART/forest,
 * a margin for boosting); cover holds the training weight (sample weight or hessian sum) that reached the node,
 * which TreeSHAP uses as the conditional-expectation weight.
 */
export interface FlatTree {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  missingLeft: Uint8Array;
  value: Float64Array;
  cover: Float64Array;
}

/**
 * The same layout with narrower arrays, as a random forest keeps its trees: 23 bytes a node instead of 37 (scikit-learn
 * keeps ~72–88), which is most of a forest's memory. Features are int16 below 32,768 columns; thresholds are float32
 * when, for every split, a float32 lies between the two training values it separates (always, for float32 data),
 * else the tree keeps float64 thresholds; leaf probabilities and covers (bootstrap counts) are float32.
 */
export interface NarrowFlatTree {
  feature: Int16Array | Int32Array;
  threshold: Float32Array | Float64Array;
  left: Int32Array;
  right: Int32Array;
  missingLeft: Uint8Array;
  value: Float32Array;
  cover: Float32Array;
}

/** Either layout: what prediction, TreeSHAP, out-of-bag scoring and the artifact read. */
export type AnyFlatTree = FlatTree | NarrowFlatTree;

/** The leaf index row `i` of `columns` falls into. */
export function leafIndex(tree: AnyFlatTree, columns: ArrayLike<number>[], i: number): number {
  let n = 0;
  const { feature, threshold, left, right, missingLeft } = tree;
  while (feature[n] !== -1) {
    const x = columns[feature[n]][i];
    n = x <= threshold[n] || (x !== x && missingLeft[n] === 1) ? left[n] : right[n];
  }
  return n;
}

/** Number of nodes. */
export const nodeCount = (t: AnyFlatTree) => t.feature.length;

/** Maximum depth (root = 0). */
export function treeDepth(t: AnyFlatTree, n = 0): number {
  return t.feature[n] === -1 ? 0 : 1 + Math.max(treeDepth(t, t.left[n]), treeDepth(t, t.right[n]));
}
