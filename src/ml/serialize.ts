/** JSON round trip for fitted models: typed arrays are stored as base64 of their bytes, so a reload is bit-exact. */

const typedCtors = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Uint16Array,
  Uint8Array,
  Int8Array,
  Int16Array,
} as const;
type TypedName = keyof typeof typedCtors;

interface EncodedTyped {
  $typed: TypedName;
  b64: string;
}

function isEncoded(v: unknown): v is EncodedTyped {
  return typeof v === 'object' && v !== null && '$typed' in v && 'b64' in v;
}

/** JSON.stringify replacer: typed arrays → { $typed, b64 } (little-endian bytes). Non-finite numbers → strings. */
export function modelReplacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const name = value.constructor.name as TypedName;
    if (!(name in typedCtors)) throw new Error(`cannot serialise ${name}`);
    return { $typed: name, b64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return { $num: String(value) };
  return value;
}

/** JSON.parse reviver that undoes modelReplacer. */
export function modelReviver(_key: string, value: unknown): unknown {
  if (isEncoded(value)) {
    const bytes = Buffer.from(value.b64, 'base64');
    const Ctor = typedCtors[value.$typed];
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    return new Ctor(copy.buffer, 0, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
  }
  if (typeof value === 'object' && value !== null && '$num' in value && Object.keys(value).length === 1)
    return Number((value as { $num: string }).$num);
  return value;
}

/** Serialises a fitted model (or any value holding typed arrays) to JSON text. */
export function serializeModel(model: unknown): string {
  return JSON.stringify(model, modelReplacer);
}

/** Parses JSON text produced by serializeModel. */
export function deserializeModel<T>(json: string): T {
  return JSON.parse(json, modelReviver) as T;
}
