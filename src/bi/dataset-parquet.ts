/**
 * `bi/tableau_ready_dataset.parquet`: the same rows and columns as the CSV, with Parquet types — strings as UTF-8,
 * decimals as DOUBLE, integers as INT32, snapshot_date as DATE, scored_at as a UTC TIMESTAMP in milliseconds.
 * Cells are the raw values: the formula-injection guard is a CSV/spreadsheet concern (Parquet cells are typed, never
 * evaluated), so a text value starting with "=" is written as it is.
 */
import { parquetWriteFile, type SchemaElement } from 'hyparquet-writer';
import { datasetColumns } from './dataset-columns.js';

/** One Parquet schema element per BI type of docs/bi.md (every column may be null). */
const elementOf: Record<(typeof datasetColumns)[number][1], Omit<SchemaElement, 'name'>> = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type: 'OPTIONAL' },
  decimal: { type: 'DOUBLE', repetition_type: 'OPTIONAL' },
  integer: { type: 'INT32', converted_type: 'INT_32', repetition_type: 'OPTIONAL' },
  date: { type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' }, repetition_type: 'OPTIONAL' },
  datetime: {
    type: 'INT64',
    converted_type: 'TIMESTAMP_MILLIS',
    logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
    repetition_type: 'OPTIONAL',
  },
};

/** A cell as the writer takes it: dates and timestamps as Date (UTC), everything else as it is. */
function cellOf(type: (typeof datasetColumns)[number][1], v: string | number | null): unknown {
  if (v === null) return null;
  if (type === 'date') return new Date(`${v}T00:00:00Z`);
  if (type === 'datetime') return new Date(v);
  return v;
}

/** Writes the dataset rows (in `datasetColumns` order) to `file` as one Parquet file. */
export function writeDatasetParquet(file: string, rows: readonly (string | number | null)[][]): void {
  const columnData = datasetColumns.map(([name, type], j) => ({
    name,
    data: rows.map((r) => cellOf(type, r[j])),
  }));
  parquetWriteFile({
    filename: file,
    columnData,
    schema: [
      { name: 'root', num_children: datasetColumns.length },
      ...datasetColumns.map(([name, type]) => ({ name, ...elementOf[type] }) as SchemaElement),
    ],
    createdBy: 'churnlab',
  });
}
