/** A growable FlatTree under construction: nodes are appended in preorder and trimmed to size when the tree is done. */

import type { FlatTree, NarrowFlatTree } from './flat-tree.js';

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
  /** Each split's float32 threshold, and whether every one of them separates its two values as the float64 one does. */
  threshold32: Float32Array;
  thresholds32Exact = true;

  constructor(capacity = 256) {
    this.cap = capacity;
    this.feature = new Int32Array(capacity);
    this.threshold = new Float64Array(capacity);
    this.left = new Int32Array(capacity);
    this.right = new Int32Array(capacity);
    this.missingLeft = new Uint8Array(capacity);
    this.value = new Float64Array(capacity);
    this.cover = new Float64Array(capacity);
    this.threshold32 = new Float32Array(capacity);
  }

  /** Starts a new tree, keeping the allocated capacity. */
  reset(): void {
    this.size = 0;
    this.thresholds32Exact = true;
  }

  /** Appends a leaf (callers turn it into a split with `setSplit`) and returns its id. */
  addLeaf(value: number, cover: number): number {
    if (this.size === this.cap) this.grow();
    const id = this.size++;
    this.feature[id] = -1;
    this.threshold[id] = 0;
    this.threshold32[id] = 0;
    this.left[id] = -1;
    this.right[id] = -1;
    this.missingLeft[id] = 0;
    this.value[id] = value;
    this.cover[id] = cover;
    return id;
  }

  /**
   * Makes node `id` a split (children are linked later, when they are created). The threshold separates training
   * values `lower` (goes left) and `upper` (goes right); any float32 in [lower, upper) routes them alike.
   */
  setSplit(id: number, feature: number, threshold: number, missingLeft: boolean, lower = threshold, upper = threshold): void {
    this.feature[id] = feature;
    this.threshold[id] = threshold;
    this.missingLeft[id] = missingLeft ? 1 : 0;
    const t32 = float32Between(threshold, lower, upper);
    if (Number.isNaN(t32)) this.thresholds32Exact = false;
    else this.threshold32[id] = t32;
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

  /**
   * The narrow layout (NarrowFlatTree), exactly sized, in shared memory when `shared`: int16 features when
   * `nFeatures` allows, float32 thresholds when every split allows, float32 values and covers.
   */
  toNarrowTree(nFeatures: number, shared = false): NarrowFlatTree {
    const n = this.size;
    const alloc = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
    const narrow = <T extends { set(a: ArrayLike<number>): void }>(
      Ctor: { new (b: ArrayBufferLike): T; BYTES_PER_ELEMENT: number },
      src: ArrayLike<number> & { subarray(a: number, b: number): ArrayLike<number> },
    ): T => {
      const out = new Ctor(alloc(n * Ctor.BYTES_PER_ELEMENT));
      out.set(src.subarray(0, n));
      return out;
    };
    return {
      feature: nFeatures <= 32767 ? narrow(Int16Array, this.feature) : narrow(Int32Array, this.feature),
      threshold: this.thresholds32Exact ? narrow(Float32Array, this.threshold32) : narrow(Float64Array, this.threshold),
      left: narrow(Int32Array, this.left),
      right: narrow(Int32Array, this.right),
      missingLeft: narrow(Uint8Array, this.missingLeft),
      value: narrow(Float32Array, this.value),
      cover: narrow(Float32Array, this.cover),
    };
  }

  private grow(): void {
    const cap = this.cap * 2;
    const widen = <T extends Int32Array | Float64Array | Float32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
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
    this.threshold32 = widen(this.threshold32, (k) => new Float32Array(k));
    this.cap = cap;
  }
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/**
 * A float32 that routes `lower` left and `upper` right as `threshold` does: the threshold rounded, else `lower`
 * rounded, else the next float32 above it; NaN when no float32 lies in [lower, upper). An exact float32 (±∞ too) is
 * kept as it is.
 */
export function float32Between(threshold: number, lower: number, upper: number): number {
  const t = Math.fround(threshold);
  if (t === threshold) return t;
  if (lower <= t && t < upper) return t;
  let a = Math.fround(lower);
  if (a < lower) {
    // One step up in float32 (lower > a ≥ −max, so a is finite; the step of a negative number shrinks its magnitude).
    f32[0] = a;
    if (a === 0) u32[0] = 1;
    else u32[0] += a > 0 ? 1 : -1;
    a = f32[0];
  }
  return lower <= a && a < upper ? a : Number.NaN;
}
