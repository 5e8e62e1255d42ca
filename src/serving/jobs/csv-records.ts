/**
 * A streaming RFC 4180 reader for scoring jobs: the file in batches of records, each record its cells as strings, its
 * raw text and the line it starts on. Cells are plain substrings of the decoded text (no per-cell objects), which is
 * what makes a million-row job cheap; quoted cells ("a ""b"", c" and line breaks inside quotes) follow RFC 4180.
 * Malformed CSV (a quote inside an unquoted cell, text after a closing quote, an unclosed quote, a record whose cell
 * count differs from the header's) stops the job with CHURN_ERR_CSV_FORMAT naming the line.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { ChurnError } from '../../errors/index.js';

/** One batch of records in file order. */
export interface CsvBatch {
  /** Cells of each record. */
  cells: string[][];
  /** The record's text as it is in the file (without its line break): what the input hash covers. */
  raw: string[];
  /** 1-based line each record starts on (the header is line 1). */
  lines: number[];
}

const formatError = (line: number, message: string) =>
  new ChurnError('CHURN_ERR_CSV_FORMAT', `CSV line ${line}: ${message}`, { line });

/**
 * Reads `file`: first the header's cells, then batches of at most `batchRows` records. Empty lines are skipped; a
 * leading UTF-8 BOM is dropped; line breaks are \n, \r\n or (when the file has no \n before its first \r) \r.
 */
export class CsvRecords {
  readonly source: ReadStream;
  private readonly decoder = new StringDecoder('utf8');
  private text = '';
  private line = 1;
  private ended = false;
  private first = true;
  private crOnly = false;
  private eolKnown = false;
  private width = -1;
  private readonly chunks: AsyncIterator<Buffer>;

  constructor(
    file: string,
    private readonly batchRows: number,
    chunkBytes = 1 << 20,
  ) {
    this.source = createReadStream(file, { highWaterMark: chunkBytes });
    this.chunks = this.source[Symbol.asyncIterator]();
  }

  /** Bytes of the file read so far. */
  get bytesRead(): number {
    return this.source.bytesRead;
  }

  /** The header's cells, or null for a file with no record at all. */
  async header(): Promise<string[] | null> {
    const b = await this.next(1);
    if (b === null) return null;
    this.width = b.cells[0].length;
    return b.cells[0];
  }

  /** The next batch of records (at most `rows`), or null at the end of the file. */
  async next(rows = this.batchRows): Promise<CsvBatch | null> {
    const out: CsvBatch = { cells: [], raw: [], lines: [] };
    while (out.cells.length < rows) {
      const consumed = this.split(out, rows - out.cells.length, this.ended);
      if (consumed > 0) this.text = this.text.slice(consumed);
      if (out.cells.length >= rows) break;
      if (this.ended) break;
      const chunk = await this.chunks.next();
      if (chunk.done) {
        this.text += this.decoder.end();
        this.ended = true;
      } else {
        let piece = this.decoder.write(chunk.value);
        if (this.first && piece.length > 0) {
          this.first = false;
          if (piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
        }
        this.text += piece;
      }
      if (!this.eolKnown) this.detectLineBreak();
    }
    return out.cells.length > 0 ? out : null;
  }

  /** \n (or \r\n) unless the first line break seen is a bare \r. */
  private detectLineBreak(): void {
    const lf = this.text.indexOf('\n');
    const cr = this.text.indexOf('\r');
    if (lf >= 0 && (cr < 0 || cr >= lf - 1)) this.eolKnown = true;
    else if (cr >= 0 && (cr + 1 < this.text.length || this.ended)) {
      this.crOnly = true;
      this.eolKnown = true;
    }
  }

  /** Stops reading (the job failed or finished early). */
  close(): void {
    this.source.destroy();
  }

  /**
   * Parses complete records of `this.text` into `out` (at most `limit`); returns how many characters were consumed.
   * A record is complete when its line break is seen, or at the end of the file (`final`).
   */
  private split(out: CsvBatch, limit: number, final: boolean): number {
    const s = this.text;
    const n = s.length;
    const eol = this.crOnly ? 13 : 10;
    let pos = 0;
    let added = 0;
    while (pos < n && added < limit) {
      const startLine = this.line;
      const start = pos;
      const cells: string[] = [];
      let i = pos;
      let lines = 0;
      for (;;) {
        // one cell starting at i
        if (i < n && s.charCodeAt(i) === 34) {
          let value = '';
          let from = i + 1;
          let j = from;
          let closed = false;
          while (j < n) {
            const c = s.charCodeAt(j);
            if (c === 34) {
              if (j + 1 < n && s.charCodeAt(j + 1) === 34) {
                value += s.slice(from, j + 1);
                j += 2;
                from = j;
                continue;
              }
              if (j + 1 >= n && !final) break; // could be the first half of an escaped quote
              closed = true;
              break;
            }
            if (c === 10) lines++;
            j++;
          }
          if (!closed) {
            if (!final) return pos; // an incomplete record: kept for the next chunk
            throw formatError(startLine, 'a quoted cell is not closed');
          }
          cells.push(value + s.slice(from, j));
          i = j + 1;
          if (i >= n) {
            if (!final) return pos; // an incomplete record: kept for the next chunk
            break;
          }
          const c = s.charCodeAt(i);
          if (c === 44) {
            i++;
            continue;
          }
          if (c === eol || (c === 13 && !this.crOnly && (i + 1 < n ? s.charCodeAt(i + 1) === 10 : final))) break;
          if (c === 13 && i + 1 >= n && !final) return pos; // an incomplete record: kept for the next chunk
          throw formatError(startLine + lines, 'text after a closing quote');
        }
        let j = i;
        while (j < n) {
          const c = s.charCodeAt(j);
          if (c === 44 || c === eol) break;
          if (c === 34) throw formatError(startLine, 'a quote inside an unquoted cell (quote the whole cell)');
          j++;
        }
        if (j >= n && !final) return pos; // an incomplete record: kept for the next chunk
        let end = j;
        if (!this.crOnly && end > i && s.charCodeAt(end - 1) === 13 && (j >= n || s.charCodeAt(j) === eol)) end--;
        cells.push(s.slice(i, end));
        i = j;
        if (j < n && s.charCodeAt(j) === 44) {
          i++;
          continue;
        }
        break;
      }
      // i is at the line break (or the end of the text)
      let rawEnd = i;
      if (rawEnd > start && !this.crOnly && s.charCodeAt(rawEnd - 1) === 13) rawEnd--;
      if (i < n && s.charCodeAt(i) === 13 && !this.crOnly) i++; // "\r\n" after a quoted cell
      pos = i < n ? i + 1 : i;
      this.line += lines + 1;
      if (cells.length === 1 && cells[0] === '' && rawEnd === start) continue; // empty line
      if (this.width >= 0 && cells.length !== this.width)
        throw formatError(startLine, `${cells.length} cells where the header has ${this.width}`);
      out.cells.push(cells);
      out.raw.push(s.slice(start, rawEnd));
      out.lines.push(startLine);
      added++;
    }
    return pos;
  }
}
