/** A growable FlatTree under construction: nodes are appended in preorder and trimmed to size when the tree is done. */

import type { FlatTree } from './flat-tree.js';

/** Appends nodes; `toFlatTree` returns exactly-sized arrays. */
export class NodeBuffer {
  size = 0;
  private cap: number;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  missingLeft: Uint8Array;
  value: Float64Array;
  cover: Float64Array;

  constructor(capacity = 256) {
    this.cap = capacity;
    this.feature = new Int32Array(capacity);
    this.threshold = new Float64Array(capacity);
    this.left = new Int32Array(capacity);
    this.right = new Int32Array(capacity);
    this.missingLeft = new Uint8Array(capacity);
    this.value = new Float64Array(capacity);
    this.cover = new Float64Array(capacity);
  }

  /** Starts a new tree, keeping the allocated capacity. */
  reset(): void {
    this.size = 0;
  }

  /** Appends a leaf (callers turn it into a split with `setSplit`) and returns its id. */
  addLeaf(value: number, cover: number): number {
    if (this.size === this.cap) this.grow();
    const id = this.size++;
    this.feature[id] = -1;
    this.threshold[id] = 0;
    this.left[id] = -1;
    this.right[id] = -1;
    this.missingLeft[id] = 0;
    this.value[id] = value;
    this.cover[id] = cover;
    return id;
  }

  /** Makes node `id` a split (children are linked later, when they are created). */
  setSplit(id: number, feature: number, threshold: number, missingLeft: boolean): void {
    this.feature[id] = feature;
    this.threshold[id] = threshold;
    this.missingLeft[id] = missingLeft ? 1 : 0;
  }

  /**
   * An exactly-sized copy of the nodes. With `shared`, every array lives in a SharedArrayBuffer, so a forest's trees
   * reach worker threads (prediction, TreeSHAP) without being copied.
   */
  toFlatTree(shared = false): FlatTree {
    const n = this.size;
    const copy = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (b: ArrayBufferLike) => T): T => {
      if (!shared) return a.slice(0, n) as T;
      const out = make(new SharedArrayBuffer(n * a.BYTES_PER_ELEMENT));
      out.set(a.subarray(0, n));
      return out;
    };
    return {
      feature: copy(this.feature, (b) => new Int32Array(b)),
      threshold: copy(this.threshold, (b) => new Float64Array(b)),
      left: copy(this.left, (b) => new Int32Array(b)),
      right: copy(this.right, (b) => new Int32Array(b)),
      missingLeft: copy(this.missingLeft, (b) => new Uint8Array(b)),
      value: copy(this.value, (b) => new Float64Array(b)),
      cover: copy(this.cover, (b) => new Float64Array(b)),
    };
  }

  private grow(): void {
    const cap = this.cap * 2;
    const widen = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.feature = widen(this.feature, (k) => new Int32Array(k));
    this.threshold = widen(this.threshold, (k) => new Float64Array(k));
    this.left = widen(this.left, (k) => new Int32Array(k));
    this.right = widen(this.right, (k) => new Int32Array(k));
    this.missingLeft = widen(this.missingLeft, (k) => new Uint8Array(k));
    this.value = widen(this.value, (k) => new Float64Array(k));
    this.cover = widen(this.cover, (k) => new Float64Array(k));
    this.cap = cap;
  }
}
