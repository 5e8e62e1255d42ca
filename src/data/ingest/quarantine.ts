/** The quarantine CSV: one line per rejected row with source file, line, column, reason, detail and the raw row. */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { ChurnError } from '../../errors/index.js';
import type { RowProblem } from './reasons.js';

/** Header of every quarantine file. */
export const quarantineColumns = ['source_file', 'line', 'column', 'reason', 'detail', 'raw_row'] as const;

/** A rejected row on its way to the quarantine file. */
export interface QuarantinedRow extends RowProblem {
  sourceFile: string;
  /** Physical line in the source file where the row starts (1-based; the header is line 1). */
  line: number;
  raw: string;
}

/** Appends rejected rows to one CSV file, created (with its folder) only when the first row arrives. */
export class QuarantineWriter {
  private out: WriteStream | null = null;
  private failure: Error | null = null;

  constructor(readonly file: string) {}

  /** True once at least one row was written. */
  get used(): boolean {
    return this.out !== null;
  }

  /** Writes rows; resolves when the OS buffer has room again. */
  async write(rows: readonly QuarantinedRow[]): Promise<void> {
    if (!rows.length) return;
    try {
      if (!this.out) {
        mkdirSync(path.dirname(this.file), { recursive: true });
        this.out = createWriteStream(this.file);
        this.out.on('error', (e) => {
          this.failure = e;
        });
        this.out.write(stringify([quarantineColumns]));
      }
      if (this.failure) throw this.failure;
      const text = stringify(rows.map((r) => [r.sourceFile, r.line, r.column, r.reason, r.detail, r.raw]));
      if (!this.out.write(text)) await once(this.out, 'drain');
    } catch (e) {
      throw this.writeError(e);
    }
  }

  private writeError(e: unknown): ChurnError {
    return new ChurnError(
      'CHURN_ERR_PARAM',
      `Cannot write the quarantine file ${this.file} (${(e as Error).message}); pass --quarantine FILE in a writable folder.`,
      { file: this.file },
    );
  }

  /** Flushes and closes the file (no-op when nothing was written). */
  async close(): Promise<void> {
    const out = this.out;
    if (!out) return;
    await new Promise<void>((resolve, reject) => {
      out.end((e?: Error | null) => (e ? reject(this.writeError(e)) : resolve()));
    });
    if (this.failure) throw this.writeError(this.failure);
  }
}
