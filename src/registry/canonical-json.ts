/** Canonical JSON: sorted keys, fixed layout, so equal values always give equal bytes (and equal hashes). */

/** Plain JSON data (what JSON.parse returns). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isPrimitive = (v: unknown) => v === null || typeof v !== 'object';

/**
 * Writes plain JSON data with object keys sorted by code unit, two-space indentation, and arrays of
 * primitives kept on one line (curves and parameter lists stay readable). Non-finite numbers are refused:
 * callers encode them first (see `modelReplacer` in src/ml).
 */
export function canonicalJson(value: Json): string {
  return write(value, '');
}

function write(value: Json, indent: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`canonical JSON cannot hold ${value}`);
      return JSON.stringify(value);
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value) ? writeArray(value, indent) : writeObject(value, indent);
    default:
      throw new Error(`canonical JSON cannot hold a ${typeof value}`);
  }
}

function writeArray(items: Json[], indent: string): string {
  if (items.length === 0) return '[]';
  if (items.every(isPrimitive)) return `[${items.map((v) => write(v, indent)).join(', ')}]`;
  const inner = `${indent}  `;
  return `[\n${items.map((v) => inner + write(v, inner)).join(',\n')}\n${indent}]`;
}

function writeObject(obj: { [key: string]: Json }, indent: string): string {
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  if (keys.length === 0) return '{}';
  const inner = `${indent}  `;
  return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${write(obj[k], inner)}`).join(',\n')}\n${indent}}`;
}
