/** Whole-file checks before any row is written: emptiness, encoding, line endings, delimiter, and the header against the contract. */
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { contracts, type RawTableName } from '../contract/index.js';

const headBytes = 64 * 1024;

/** What the loader needs to know about a file that passed the whole-file checks. */
export interface CsvFilePlan {
  file: string;
  table: RawTableName;
  bytes: number;
  /** 0 bytes or only whitespace: nothing to load, reported rather than failed. */
  empty: boolean;
  /** Header cells as written in the file (BOM removed, trimmed). */
  header: string[];
  /** False when the last line has no line end (a candidate for a truncated last row). */
  endsWithNewline: boolean;
  /** Both CRLF and LF line ends appear: the parser must accept either. */
  mixedLineEndings: boolean;
}

/** A problem that makes a whole file unloadable, found before any of its rows is written. */
export interface CsvFileProblem {
  file: string;
  table: RawTableName;
  kind: 'columns' | 'delimiter' | 'encoding' | 'line_endings' | 'unreadable';
  message: string;
  missing?: string[];
  unknown?: string[];
  duplicated?: string[];
}

const otherDelimiters: [string, string][] = [
  [';', 'semicolon'],
  ['\t', 'tab'],
  ['|', 'pipe'],
];

/** Reads the head (and last byte) of `file` and checks it can be loaded into `table`. */
export async function inspectCsvFile(file: string, table: RawTableName): Promise<CsvFilePlan | CsvFileProblem> {
  const problem = (kind: CsvFileProblem['kind'], message: string, extra: Partial<CsvFileProblem> = {}): CsvFileProblem => ({
    file,
    table,
    kind,
    message: `${file}: ${message}`,
    ...extra,
  });
  let head: Buffer;
  let bytes: number;
  let last: number;
  try {
    const handle = await open(file, 'r');
    try {
      bytes = (await handle.stat()).size;
      head = Buffer.alloc(Math.min(bytes, headBytes));
      await handle.read(head, 0, head.length, 0);
      const tail = Buffer.alloc(1);
      if (bytes) await handle.read(tail, 0, 1, bytes - 1);
      last = tail[0];
    } finally {
      await handle.close();
    }
  } catch (e) {
    return problem('unreadable', `cannot be read (${(e as Error).message})`);
  }
  const plan: CsvFilePlan = { file, table, bytes, empty: true, header: [], endsWithNewline: true, mixedLineEndings: false };
  if (head[0] === 0x1f && head[1] === 0x8b) return problem('encoding', 'is gzip-compressed; decompress it first');
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    return problem('encoding', 'is UTF-16 encoded; save it as UTF-8');
  if (head.includes(0)) return problem('encoding', 'is binary, not CSV text (a spreadsheet or archive?); export it as CSV');
  const text = head.toString('utf8').replace(/^\ufeff/, '');
  if (text.trim() === '') return plan;
  const lf = text.indexOf('\n');
  if (lf < 0 && bytes > head.length) return problem('columns', 'the first line is longer than 64 KiB; this is not a CSV header');
  const firstLine = (lf < 0 ? text : text.slice(0, lf)).replace(/\r$/, '');
  if (firstLine.includes('\r'))
    return problem('line_endings', 'uses CR-only line ends (classic Mac); convert them to LF or CRLF');
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const allLf = (text.match(/\n/g) ?? []).length;
  plan.mixedLineEndings = crlf > 0 && crlf < allLf;
  plan.endsWithNewline = last === 0x0a || last === 0x0d;
  plan.empty = false;
  let header: string[];
  try {
    header = (parse(firstLine, { relax_quotes: true, relax_column_count: true }) as string[][])[0].map((c) => c.trim());
  } catch (e) {
    return problem('columns', `the header line cannot be parsed (${(e as Error).message})`);
  }
  const expected = contracts[table].columns;
  if (header.length === 1 && !expected.includes(header[0]))
    for (const [d, name] of otherDelimiters)
      if (firstLine.includes(d)) {
        const seen = firstLine.split(d).slice(0, 3).join(d);
        return problem(
          'delimiter',
          `uses ${name} (${JSON.stringify(d)}) as its delimiter (header starts ${JSON.stringify(seen)}); churnlab reads comma-separated files, re-export it with commas`,
        );
      }
  const missing = expected.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !expected.includes(c));
  const duplicated = header.filter((c, i) => header.indexOf(c) !== i);
  if (missing.length || unknown.length || duplicated.length) {
    const parts = [
      missing.length ? `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : '',
      unknown.length ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => JSON.stringify(c)).join(', ')}` : '',
      duplicated.length ? `repeated column${duplicated.length > 1 ? 's' : ''} ${duplicated.join(', ')}` : '',
    ].filter(Boolean);
    return problem('columns', `${parts.join('; ')} (a ${table} file has: ${expected.join(', ')})`, {
      missing,
      unknown,
      duplicated,
    });
  }
  plan.header = header;
  return plan;
}

/** True when `x` is a problem rather than a plan. */
export function isFileProblem(x: CsvFilePlan | CsvFileProblem): x is CsvFileProblem {
  return 'kind' in x;
}
