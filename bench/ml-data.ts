/**
 * Benchmark data for `npm run bench:ml`, prepared the way ../shared/bench/py_reference.py prepares it: ID and
 * target dropped, blank = missing, mostly-numeric text → numbers, categoricals one-hot (missing → all zeros),
 * numerics median-imputed with medians of the training rows. The parsed table is cached as a binary file so each
 * model's child process reads only the columns it needs, one at a time.
 */

import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'out');
export const SHARED = process.env.CHURN_SHARED ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared');

/** A table after one-hot encoding: Float64 columns with NaN for missing numerics, 0/1 labels. */
export interface Table {
  names: string[];
  columns: Float64Array[];
  y: Uint8Array;
  nRows: number;
}

/** Parses a plain CSV (no quoted fields; both benchmark inputs are of that kind) into a one-hot Table. */
export function parseTable(text: string, target: string, id?: string): Table {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = lines[0].split(',');
  const nRows = lines.length - 1;
  const cells: string[][] = header.map(() => new Array<string>(nRows));
  for (let i = 0; i < nRows; i++) {
    const parts = lines[i + 1].split(',');
    for (let j = 0; j < header.length; j++) cells[j][i] = (parts[j] ?? '').trim();
  }
  lines.length = 0;
  const ti = header.indexOf(target);
  if (ti < 0) throw new Error(`no column ${target}`);
  const y = Uint8Array.from(cells[ti], (v) => (['1', 'yes', 'true', '1.0'].includes(v.toLowerCase()) ? 1 : 0));
  const names: string[] = [];
  const columns: Float64Array[] = [];
  const dummies: { names: string[]; columns: Float64Array[] } = { names: [], columns: [] };
  header.forEach((name, j) => {
    if (j === ti || name === id) return;
    const raw = cells[j];
    const num = Float64Array.from(raw, (v) => (v === '' ? Number.NaN : Number(v)));
    let present = 0;
    let numeric = 0;
    for (let i = 0; i < nRows; i++) {
      if (raw[i] !== '') present++;
      if (num[i] === num[i]) numeric++;
    }
    if (numeric >= 0.95 * present) {
      names.push(name);
      columns.push(num);
      return;
    }
    const levels = [...new Set(raw.filter((v) => v !== ''))].sort();
    for (const level of levels) {
      dummies.names.push(`${name}_${level}`);
      dummies.columns.push(Float64Array.from(raw, (v) => (v === level ? 1 : 0)));
    }
  });
  return { names: [...names, ...dummies.names], columns: [...columns, ...dummies.columns], y, nRows };
}

/** Writes a table as one binary file: JSON header line, then labels, then columns. */
function saveTable(path: string, t: Table): void {
  const head = Buffer.from(`${JSON.stringify({ names: t.names, nRows: t.nRows })}\n`);
  const pad = (8 - ((head.length + t.nRows) % 8)) % 8;
  const body = Buffer.alloc(head.length + t.nRows + pad + t.columns.length * t.nRows * 8);
  head.copy(body, 0);
  body.set(t.y, head.length);
  let at = head.length + t.nRows + pad;
  for (const c of t.columns) {
    body.set(new Uint8Array(c.buffer, c.byteOffset, c.byteLength), at);
    at += c.byteLength;
  }
  writeFileSync(path, body);
}

/** The header of a table file: feature names, row count and where the labels and columns start. */
function tableHeader(fd: number) {
  const head = Buffer.alloc(1 << 20);
  const got = readSync(fd, head, 0, head.length, 0);
  const nl = head.subarray(0, got).indexOf(10);
  const { names, nRows } = JSON.parse(head.subarray(0, nl).toString()) as { names: string[]; nRows: number };
  const labelsAt = nl + 1;
  const columnsAt = labelsAt + nRows + ((8 - ((labelsAt + nRows) % 8)) % 8);
  return { names, nRows, labelsAt, columnsAt };
}

/** Feature names, row count and labels of a table file (columns stay on disk). */
export function tableLabels(path: string): { names: string[]; nRows: number; y: Uint8Array } {
  const fd = openSync(path, 'r');
  try {
    const h = tableHeader(fd);
    const y = new Uint8Array(h.nRows);
    readSync(fd, y, 0, h.nRows, h.labelsAt);
    return { names: h.names, nRows: h.nRows, y };
  } finally {
    closeSync(fd);
  }
}

/**
 * Train/test matrices for one split, read one column at a time from the table file (so the whole table is never in
 * memory), numerics median-imputed with training medians as the reference does. `float32` halves the memory
 * (XGBoost also stores features as float32).
 */
export function loadSplit(path: string, train: Int32Array, test: Int32Array, float32: boolean) {
  const fd = openSync(path, 'r');
  try {
    const h = tableHeader(fd);
    const y = new Uint8Array(h.nRows);
    readSync(fd, y, 0, h.nRows, h.labelsAt);
    const col = new Float64Array(h.nRows);
    const bytes = new Uint8Array(col.buffer);
    const Ctor = float32 ? Float32Array : Float64Array;
    const trainCols: (Float32Array | Float64Array)[] = [];
    const testCols: (Float32Array | Float64Array)[] = [];
    h.names.forEach((_, j) => {
      readSync(fd, bytes, 0, bytes.length, h.columnsAt + j * h.nRows * 8);
      const med = median(col, train);
      for (const [rows, out] of [
        [train, trainCols],
        [test, testCols],
      ] as const) {
        const c = new Ctor(rows.length);
        for (let k = 0; k < rows.length; k++) {
          const v = col[rows[k]];
          c[k] = v === v ? v : med;
        }
        out.push(c);
      }
    });
    return {
      train: { nRows: train.length, columns: trainCols },
      test: { nRows: test.length, columns: testCols },
      yTrain: Uint8Array.from(train, (i) => y[i]),
      yTest: Uint8Array.from(test, (i) => y[i]),
    };
  } finally {
    closeSync(fd);
  }
}

/** The gen-flat CSV for `rows` rows (seed 42), generated once into bench/out/. */
export function flatCsv(rows: number): string {
  mkdirSync(OUT_DIR, { recursive: true });
  const csv = join(OUT_DIR, `flat-${rows}.csv`);
  if (!existsSync(csv)) {
    const text = execFileSync(process.execPath, [join(SHARED, 'bench', 'gen-flat.mjs'), String(rows), '42'], {
      maxBuffer: 1 << 30,
    });
    writeFileSync(csv, text);
  }
  return csv;
}

/** The binary cache of a CSV (parsed once). */
export function tableFile(csv: string, target: string, id: string | undefined, name: string): string {
  const bin = join(OUT_DIR, `${name}.table`);
  if (!existsSync(bin)) saveTable(bin, parseTable(readFileSync(csv, 'utf8'), target, id));
  return bin;
}

/** Median of the non-missing values of `col` at `rows` (pandas' median: mean of the two middle values). */
function median(col: Float64Array, rows: Int32Array): number {
  const v = new Float64Array(rows.length);
  let m = 0;
  for (let k = 0; k < rows.length; k++) {
    const x = col[rows[k]];
    if (x === x) v[m++] = x;
  }
  if (m === 0) return 0;
  const sorted = v.subarray(0, m).sort();
  const h = m >> 1;
  return m % 2 === 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
}

/** The reference's splits: 'tail' = first 80 % train, last 20 % test; 'cv' = 5 stratified shuffled folds. */
export function splits(
  t: { nRows: number; y: Uint8Array },
  kind: 'tail' | 'cv',
  seed = 0,
): { train: Int32Array; test: Int32Array }[] {
  if (kind === 'tail') {
    const k = Math.floor(t.nRows * 0.8);
    return [{ train: range(0, k), test: range(k, t.nRows) }];
  }
  let s = seed + 1;
  const rand = () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s / 4294967296;
  };
  const fold = new Int32Array(t.nRows);
  for (const cls of [0, 1]) {
    const members = [...range(0, t.nRows)].filter((i) => t.y[i] === cls);
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [members[i], members[j]] = [members[j], members[i]];
    }
    members.forEach((row, k) => {
      fold[row] = k % 5;
    });
  }
  return [0, 1, 2, 3, 4].map((f) => ({
    train: range(0, t.nRows).filter((i) => fold[i] !== f),
    test: range(0, t.nRows).filter((i) => fold[i] === f),
  }));
}

function range(from: number, to: number): Int32Array {
  return Int32Array.from({ length: to - from }, (_, i) => from + i);
}

/** ROC-AUC with ties counted half (the bench's own, so it runs before the metrics module lands). */
export function rocAuc(y: ArrayLike<number>, score: ArrayLike<number>): number {
  const order = Array.from({ length: y.length }, (_, i) => i).sort((a, b) => score[a] - score[b]);
  let rankSumPos = 0;
  let nPos = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && score[order[j]] === score[order[i]]) j++;
    const avgRank = (i + j + 1) / 2;
    for (let k = i; k < j; k++)
      if (y[order[k]] === 1) {
        rankSumPos += avgRank;
        nPos++;
      }
    i = j;
  }
  const nNeg = y.length - nPos;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}
