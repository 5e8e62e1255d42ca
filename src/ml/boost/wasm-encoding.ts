/**
 * Just enough of the WebAssembly binary format to write the training kernels by hand (no toolchain at build or run
 * time): LEB128 numbers, sections, and the handful of instructions the kernels use, each returning its bytes.
 * Reference: the WebAssembly core specification 2.0, §5 (binary format), and the fixed-width SIMD proposal.
 */

export type Code = number[];

/** Unsigned LEB128. */
export function u32(value: number): Code {
  const out: Code = [];
  let n = value >>> 0;
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128. */
export function s32(value: number): Code {
  const out: Code = [];
  let n = value | 0;
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

export const vec = (items: Code[]): Code => [...u32(items.length), ...items.flat()];
export const section = (id: number, body: Code): Code => [id, ...u32(body.length), ...body];
export const name = (s: string): Code => [...u32(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

/** Value types. */
export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;

/** Structured control: each takes its body (empty block type). */
export const block = (...body: Code[]): Code => [0x02, 0x40, ...body.flat(), 0x0b];
export const loop = (...body: Code[]): Code => [0x03, 0x40, ...body.flat(), 0x0b];
export const ifThen = (...body: Code[]): Code => [0x04, 0x40, ...body.flat(), 0x0b];
export const ifElse = (then: Code, otherwise: Code): Code => [0x04, 0x40, ...then, 0x05, ...otherwise, 0x0b];
export const br = (depth: number): Code => [0x0c, ...u32(depth)];
export const brIf = (depth: number): Code => [0x0d, ...u32(depth)];
/** [a, b, c] → c ? a : b. */
export const select: Code = [0x1b];

export const get = (local: number): Code => [0x20, ...u32(local)];
export const set = (local: number): Code => [0x21, ...u32(local)];
export const tee = (local: number): Code => [0x22, ...u32(local)];
export const i32Const = (v: number): Code => [0x41, ...s32(v)];

/** Loads and stores: memarg = alignment (log2) and static offset. */
export const i32Load = (offset: number): Code => [0x28, 2, ...u32(offset)];
export const f32Load = (offset: number): Code => [0x2a, 2, ...u32(offset)];
export const i32Load8u = (offset: number): Code => [0x2d, 0, ...u32(offset)];
export const i32Store = (offset: number): Code => [0x36, 2, ...u32(offset)];
export const f64Load = (offset: number): Code => [0x2b, 3, ...u32(offset)];
export const f64Store = (offset: number): Code => [0x39, 3, ...u32(offset)];

export const i32Add: Code = [0x6a];
export const i32Sub: Code = [0x6b];
export const i32Mul: Code = [0x6c];
export const i32Shl: Code = [0x74];
export const i32GeU: Code = [0x4f];
export const i32GtU: Code = [0x4b];
export const i32LtU: Code = [0x49];
export const i32LtS: Code = [0x48];
export const i32Eq: Code = [0x46];
export const i32And: Code = [0x71];
export const f64Add: Code = [0xa0];
export const f64Mul: Code = [0xa2];
export const f64Zero: Code = [0x44, 0, 0, 0, 0, 0, 0, 0, 0];

const simd = (op: number, ...immediates: number[]): Code => [0xfd, ...u32(op), ...immediates];
export const v128Load = (offset: number): Code => simd(0x00, 4, ...u32(offset));
export const v128Store = (offset: number): Code => simd(0x0b, 4, ...u32(offset));
/** Loads 8 bytes into the low half of a vector, zeroing the high half. */
export const v128Load64Zero = (offset: number): Code => simd(0x5d, 3, ...u32(offset));
/** The two low f32 lanes, widened to f64 (exactly, as Math.fround values widen to doubles). */
export const f64x2PromoteLowF32x4: Code = simd(0x5f);
export const f64x2Add: Code = simd(0xf0);
export const f64x2Mul: Code = simd(0xf2);
export const f64x2Splat: Code = simd(0x14);
export const f64x2ExtractLane = (lane: number): Code => simd(0x21, lane);
export const f64x2ReplaceLane = (lane: number): Code => simd(0x22, lane);
export const v128Load64Splat = (offset: number): Code => simd(0x0a, 3, ...u32(offset));
export const v128Zero = simd(0x0c, ...new Array<number>(16).fill(0));

/** A function: its parameter and result types, extra locals as [count, type] runs, and its body. */
export interface FunctionDef {
  name: string;
  params: number[];
  results: number[];
  locals: [number, number][];
  body: Code;
}

const append = (c: Code, bytes: readonly number[]) => {
  for (let i = 0; i < bytes.length; i++) c.push(bytes[i]);
};
const appendSection = (c: Code, id: number, body: Code) => {
  c.push(id);
  append(c, u32(body.length));
  append(c, body);
};
const appendName = (c: Code, s: string) => {
  append(c, u32(s.length));
  for (let i = 0; i < s.length; i++) c.push(s.charCodeAt(i));
};

/**
 * A module importing one shared memory as env.memory (any size up to 4 GiB) and exporting `functions` (§5.5).
 * Bytes are pushed by plain loops, not built from small arrays and spreads: the prediction kernel is written on a
 * batch's first call, where the spread version cost 15–60 ms of cold JavaScript (more than scoring 10k rows).
 */
export function moduleBytes(functions: FunctionDef[]): Uint8Array {
  const n = functions.length;
  const types = u32(n);
  const indices = u32(n);
  const exports = u32(n);
  const code = u32(n);
  functions.forEach((f, i) => {
    types.push(0x60);
    append(types, u32(f.params.length));
    append(types, f.params);
    append(types, u32(f.results.length));
    append(types, f.results);
    append(indices, u32(i));
    appendName(exports, f.name);
    exports.push(0x00);
    append(exports, u32(i));
    const body = u32(f.locals.length);
    for (const [count, type] of f.locals) {
      append(body, u32(count));
      body.push(type);
    }
    append(body, f.body);
    body.push(0x0b);
    append(code, u32(body.length));
    append(code, body);
  });
  const imports = u32(1);
  appendName(imports, 'env');
  appendName(imports, 'memory');
  imports.push(0x02, 0x03);
  append(imports, u32(1));
  append(imports, u32(65536));
  const out: Code = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  appendSection(out, 1, types);
  appendSection(out, 2, imports);
  appendSection(out, 3, indices);
  appendSection(out, 7, exports);
  appendSection(out, 10, code);
  return Uint8Array.from(out);
}

/** A shared WebAssembly memory (its buffer is a SharedArrayBuffer that worker threads can receive). */
export interface SharedMemory {
  readonly buffer: SharedArrayBuffer;
  grow(pages: number): number;
}

/** The part of the WebAssembly JavaScript API the kernels use (the project's lib settings carry no WebAssembly types). */
interface WebAssemblyApi {
  Memory: new (descriptor: { initial: number; maximum: number; shared: true }) => SharedMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
export const wasmApi = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
