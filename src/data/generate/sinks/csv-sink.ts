/** A sink that writes one CSV file per raw table: contract column order, empty cell = null, ISO dates, `\n` lines. */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { ChurnError } from '../../../errors/index.js';
import { contracts, type RawTableName, rawTableNames } from '../../contract/index.js';
import type { Cell, RowBatch, RowSink } from '../batch.js';

const needsQuotes = /[",\r\n]/;

/** One CSV cell (RFC 4180 quoting when needed). */
export function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  return needsQuotes.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** Writes `customers.csv`, `subscriptions.csv`, … into `dir` (created if missing; files are replaced). */
export function csvSink(dir: string): RowSink & { files: Record<RawTableName, string> } {
  const files = Object.fromEntries(rawTableNames.map((t) => [t, path.join(dir, `${t}.csv`)])) as Record<RawTableName, string>;
  const streams = new Map<RawTableName, WriteStream>();
  const write = async (table: RawTableName, text: string) => {
    const s = streams.get(table)!;
    if (!s.write(text)) await once(s, 'drain');
  };
  return {
    files,
    async open() {
      try {
        mkdirSync(dir, { recursive: true });
      } catch (e) {
        throw new ChurnError('CHURN_ERR_CONFIG', `Cannot create output folder ${dir}: ${(e as Error).message}`, { dir });
      }
      for (const t of rawTableNames) {
        const s = createWriteStream(files[t], { highWaterMark: 1 << 20 });
        s.on('error', () => undefined); // surfaced by the awaited write/finish below
        streams.set(t, s);
        await write(t, `${contracts[t].columns.join(',')}\n`);
      }
    },
    async write(batch: RowBatch) {
      for (const t of rawTableNames) {
        const rows = batch[t];
        if (!rows.length) continue;
        let text = '';
        for (const row of rows) {
          let line = csvCell(row[0]);
          for (let i = 1; i < row.length; i++) line += `,${csvCell(row[i])}`;
          text += `${line}\n`;
        }
        await write(t, text);
      }
    },
    async close() {
      await Promise.all(
        [...streams.values()].map(
          (s) =>
            new Promise<void>((resolve, reject) => {
              s.once('error', reject);
              s.end(() => resolve());
            }),
        ),
      );
      streams.clear();
    },
  };
}
