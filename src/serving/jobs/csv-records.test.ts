import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvRecords } from './csv-records.js';

const dir = mkdtempSync(path.join(tmpdir(), 'churn-csv-'));
let n = 0;
const fileOf = (text: string | Buffer) => {
  const f = path.join(dir, `f${n++}.csv`);
  writeFileSync(f, text);
  return f;
};

/** Header + every record, read in batches of `batch` from chunks of `chunkBytes` bytes. */
async function readAll(text: string | Buffer, batch = 3, chunkBytes = 7) {
  const r = new CsvRecords(fileOf(text), batch, chunkBytes);
  const header = await r.header();
  const cells: string[][] = header ? [header] : [];
  const raw: string[] = [];
  const lines: number[] = [];
  for (let b = await r.next(); b; b = await r.next()) {
    expect(b.cells.length).toBeLessThanOrEqual(batch);
    cells.push(...b.cells);
    raw.push(...b.raw);
    lines.push(...b.lines);
  }
  return { cells, raw, lines };
}

// A seeded generator of awkward but valid CSV: quotes, doubled quotes, commas and line breaks inside quotes, empty
// cells, empty lines, \r\n endings, non-ASCII text split across read chunks.
function randomCsv(seed: number, crlf: boolean): string {
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const pieces = ['a', 'bc', 'é', '€', ' ', '1.5', '-2', '', 'x y'];
  const cell = () => {
    const k = rnd();
    let v = '';
    for (let i = Math.floor(rnd() * 4); i > 0; i--) v += pieces[Math.floor(rnd() * pieces.length)];
    if (k < 0.25) return `"${(v + (rnd() < 0.5 ? ',"\n' : '""')).replaceAll('"', '""')}"`;
    return v;
  };
  const nl = crlf ? '\r\n' : '\n';
  const width = 1 + Math.floor(rnd() * 4);
  const lines: string[] = [];
  for (let r = 0; r < 40; r++) {
    if (r > 0 && rnd() < 0.1) lines.push('');
    lines.push(Array.from({ length: width }, cell).join(','));
  }
  return `${crlf && rnd() < 0.5 ? '\ufeff' : ''}${lines.join(nl)}${rnd() < 0.5 ? nl : ''}`;
}

describe('CsvRecords (the scoring jobs CSV reader)', () => {
  it('reads the same cells as csv-parse for 200 awkward files, whatever the chunk and batch sizes', async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const text = randomCsv(seed, seed % 2 === 0);
      const expected = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
      const got = await readAll(text, 1 + (seed % 5), 1 + (seed % 13));
      expect(got.cells, `seed ${seed}`).toEqual(expected);
    }
  });

  it('keeps each record raw text and the line it starts on (quoted line breaks and empty lines counted)', async () => {
    const got = await readAll('id,note\r\n1,"two\nlines"\r\n\r\n2,plain\r\n"3","say ""hi"""\r\n', 2, 5);
    expect(got.cells).toEqual([
      ['id', 'note'],
      ['1', 'two\nlines'],
      ['2', 'plain'],
      ['3', 'say "hi"'],
    ]);
    expect(got.raw).toEqual(['1,"two\nlines"', '2,plain', '"3","say ""hi"""']);
    expect(got.lines).toEqual([2, 5, 6]);
  });

  it('reads old-Mac files whose lines end in a bare \\r', async () => {
    expect((await readAll('a,b\r1,2\r3,4')).cells).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('returns no header for an empty file', async () => {
    expect(await new CsvRecords(fileOf(''), 10).header()).toBeNull();
  });

  it.each([
    ['a,b\n1,2,3\n', /CSV line 2: 3 cells where the header has 2/],
    ['a,b\n1\n', /CSV line 2: 1 cells where the header has 2/],
    ['a,b\n1,x"y\n', /CSV line 2: a quote inside an unquoted cell/],
    ['a,b\n1,"x"y\n', /CSV line 2: text after a closing quote/],
    ['a,b\n1,2\n3,"open\n', /CSV line 3: a quoted cell is not closed/],
  ])('refuses malformed CSV %j with CHURN_ERR_CSV_FORMAT naming the line', async (text, message) => {
    await expect(readAll(text)).rejects.toMatchObject({ code: 'CHURN_ERR_CSV_FORMAT', message: expect.stringMatching(message) });
  });
});
