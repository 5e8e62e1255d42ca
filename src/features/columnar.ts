/**
 * The columnar file format for training (`*.cols`): loads in one read with zero parsing of numbers.
 *
 * Layout (little-endian): 8 bytes magic `CHURNCOL`, uint32 header length, 4 zero bytes, the UTF-8 JSON header padded
 * with spaces to a multiple of 8, then each column's bytes at `offset` (from the end of the header, 8-aligned):
 * `float64` columns are raw Float64 values (NaN = missing); `category` columns are Int32 codes into `levels` (-1 = null).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { ChurnError } from '../errors/index.js';
import type { Category } from './frame.js';

const MAGIC = 'CHURNCOL';

/** A table of named columns plus free JSON metadata. */
export interface ColumnarTable {
  nRows: number;
  columns: Record<string, Float64Array | Category[]>;
  meta: Record<string, unknown>;
}

type ColumnHeader = { name: string; offset: number; byteLength: number } & (
  | { kind: 'float64' }
  | { kind: 'category'; levels: string[] }
);

interface Header {
  format: 'churnlab-columnar';
  version: 1;
  nRows: number;
  meta: Record<string, unknown>;
  columns: ColumnHeader[];
}

const pad8 = (n: number) => Math.ceil(n / 8) * 8;

function assertLittleEndian() {
  if (endianness() !== 'LE') throw new ChurnError('CHURN_ERR_INTERNAL', 'The columnar format needs a little-endian machine');
}

/** Writes `table` to `file` in the columnar format. */
export function writeColumnar(file: string, table: ColumnarTable): void {
  assertLittleEndian();
  const blobs: Uint8Array[] = [];
  const columns: ColumnHeader[] = [];
  let offset = 0;
  for (const [name, values] of Object.entries(table.columns)) {
    let bytes: Uint8Array;
    if (values instanceof Float64Array) {
      bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
      columns.push({ name, kind: 'float64', offset, byteLength: bytes.byteLength });
    } else {
      const levels = [...new Set(values.filter((v): v is string => v !== null))].sort();
      const code = new Map(levels.map((l, i) => [l, i]));
      const codes = Int32Array.from(values, (v) => (v === null ? -1 : (code.get(v) as number)));
      bytes = new Uint8Array(codes.buffer);
      columns.push({ name, kind: 'category', offset, byteLength: bytes.byteLength, levels });
    }
    blobs.push(bytes);
    offset = pad8(offset + bytes.byteLength);
  }
  const header: Header = { format: 'churnlab-columnar', version: 1, nRows: table.nRows, meta: table.meta, columns };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const headerBytes = pad8(16 + json.byteLength);
  const out = Buffer.alloc(headerBytes + offset, 0);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.byteLength, 8);
  json.copy(out, 16);
  out.fill(0x20, 16 + json.byteLength, headerBytes);
  for (const [i, c] of columns.entries()) out.set(blobs[i], headerBytes + c.offset);
  writeFileSync(file, out);
}

/** Reads a columnar file; float columns are views on one aligned buffer (no copy, no parsing). */
export function readColumnar(file: string): ColumnarTable {
  assertLittleEndian();
  let buf: Buffer = readFileSync(file);
  if (buf.byteLength < 16 || buf.toString('latin1', 0, 8) !== MAGIC)
    throw new ChurnError('CHURN_ERR_ARTIFACT', `${file} is not a churnlab columnar file`, { file });
  if (buf.byteOffset % 8 !== 0) buf = Buffer.from(new Uint8Array(buf)); // typed-array views need 8-byte alignment
  const jsonLength = buf.readUInt32LE(8);
  const header = JSON.parse(buf.toString('utf8', 16, 16 + jsonLength)) as Header;
  if (header.format !== 'churnlab-columnar' || header.version !== 1)
    throw new ChurnError('CHURN_ERR_ARTIFACT', `${file} has an unsupported columnar format version`, { file });
  const base = buf.byteOffset + pad8(16 + jsonLength);
  const columns: ColumnarTable['columns'] = {};
  for (const c of header.columns) {
    if (c.kind === 'float64') columns[c.name] = new Float64Array(buf.buffer, base + c.offset, c.byteLength / 8);
    else {
      const codes = new Int32Array(buf.buffer, base + c.offset, c.byteLength / 4);
      columns[c.name] = Array.from(codes, (k) => (k < 0 ? null : c.levels[k]));
    }
  }
  return { nRows: header.nRows, columns, meta: header.meta };
}
