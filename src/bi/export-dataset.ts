/**
 * `bi/tableau_ready_dataset.csv` (or `.parquet`): one row per active customer of the newest scored date, typed columns
 * for BI tools.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Store } from '../store/index.js';
import { datasetColumns } from './dataset-columns.js';
import { writeDatasetParquet } from './dataset-parquet.js';
import { pseudonymId } from './pseudonymise.js';
import { safeCell } from './safe-cell.js';
import { type ScoredCustomer, scoredCustomers } from './scored-customers.js';

/** Options of the export. */
export interface ExportOptions {
  /** HMAC key of the pseudonymised ids (config secrets.hmacKey). */
  hmacKey: string;
  /** Write raw customer ids instead (explicit opt-in). */
  rawIds?: boolean;
  format?: 'csv' | 'parquet';
}

const round = (v: number | null | undefined, d: number) => (v === null || v === undefined ? null : Number(v.toFixed(d)));

function rowOf(c: ScoredCustomer, o: ExportOptions): (string | number | null)[] {
  const e = c.explanation;
  return [
    o.rawIds ? c.customerId : pseudonymId(o.hmacKey, c.customerId),
    c.region,
    c.city,
    c.deviceType,
    c.acquisitionChannel,
    c.gender,
    c.planType,
    c.billingCycle,
    c.monthlyPrice,
    c.tenureDays,
    round(c.probability, 6),
    c.decision,
    c.riskBucket,
    c.segment,
    round(e?.monthlyRevenue, 2),
    round(e?.clv, 2),
    round(e?.revenueAtRisk, 2),
    e?.action?.action ?? null,
    e?.action?.channel ?? null,
    e?.up[0]?.text ?? null,
    e?.up[1]?.text ?? null,
    e?.up[2]?.text ?? null,
    c.modelId,
    c.snapshotDate,
    c.scoredAt,
  ];
}

/** The dataset as CSV text (every cell through the formula-injection guard). */
export function datasetCsv(customers: readonly ScoredCustomer[], o: ExportOptions): string {
  const lines = [datasetColumns.map(([n]) => n), ...customers.map((c) => rowOf(c, o).map(safeCell))];
  return stringify(lines);
}

/** Writes `<dir>/tableau_ready_dataset.csv`, or `.parquet` with `format: 'parquet'` (same rows and columns, typed). */
export async function exportDataset(store: Store, dir: string, o: ExportOptions): Promise<{ file: string; rows: number }> {
  const customers = await scoredCustomers(store);
  mkdirSync(dir, { recursive: true });
  if (o.format === 'parquet') {
    const file = path.join(dir, 'tableau_ready_dataset.parquet');
    writeDatasetParquet(
      file,
      customers.map((c) => rowOf(c, o)),
    );
    return { file, rows: customers.length };
  }
  const file = path.join(dir, 'tableau_ready_dataset.csv');
  writeFileSync(file, datasetCsv(customers, o));
  return { file, rows: customers.length };
}
