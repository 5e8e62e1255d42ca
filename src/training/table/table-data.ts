/** A flat table as learning data: read, label, inferred schema, typed frame, folds — everything before any model. */
import { ChurnError } from '../../errors/index.js';
import { type FeatureType, numericColumn } from '../../features/index.js';
import type { LearningData } from '../candidate.js';
import type { ThresholdRule } from '../evaluate/threshold.js';
import { type Fold, stratifiedFolds } from '../split/stratified.js';
import { requireBothClasses } from '../split/time-split.js';
import { inferSchema, type TableSchema } from './infer.js';
import { readTable } from './read-table.js';
import { tableFrame } from './table-frame.js';
import { readTarget } from './target.js';

/** What the table needs from the run's options. */
export interface TableRequest {
  target: string;
  id?: string;
  positive?: string;
  folds: number;
  foldOf?: ArrayLike<number>;
  revenueColumn?: string;
  threshold: ThresholdRule;
  seed: number;
}

/** The table, ready for cross-validation. */
export interface TableData {
  data: LearningData;
  schema: TableSchema;
  positive: string;
  folds: Fold[];
  /** Monthly revenue per row (`--revenue`), for the cost threshold. */
  revenue: Float64Array | undefined;
}

/** Reads and checks `file` (CSV errors, a missing id or target column, no usable feature, one class only: named errors). */
export function tableData(file: string, r: TableRequest): TableData {
  if (r.foldOf === undefined && (!Number.isInteger(r.folds) || r.folds < 2))
    throw new ChurnError('CHURN_ERR_PARAM', `--folds must be a whole number ≥ 2 (got ${r.folds})`, { folds: r.folds });
  if (r.threshold === 'cost' && r.revenueColumn === undefined)
    throw new ChurnError('CHURN_ERR_PARAM', 'The cost threshold needs each customer’s monthly revenue: add --revenue COLUMN');
  const table = readTable(file);
  if (r.id !== undefined && !table.header.includes(r.id))
    throw new ChurnError('CHURN_ERR_CSV_COLUMNS', `Id column "${r.id}" is not in ${file}`, { column: r.id });
  const { label, positive } = readTarget(table, r.target, r.positive);
  const schema = inferSchema(table, r.target, r.id);
  if (!schema.inputs.length)
    throw new ChurnError('CHURN_ERR_NO_DATA', `${file} has no usable feature column`, { dropped: schema.dropped });
  const records = table.rows.map((row) => Object.fromEntries(table.header.map((h, j) => [h, row[j]])));
  const ids = schema.idColumn ? records.map((row) => row[schema.idColumn as string]) : table.lines.map((l) => `line-${l}`);
  const frame = tableFrame(schema.inputs, records, ids, { lenientNumbers: true, lines: table.lines });
  const data: LearningData = {
    frame,
    label,
    features: schema.inputs.map((f) => ({ name: f.name, type: f.type as FeatureType })),
  };
  requireBothClasses(
    label,
    Int32Array.from({ length: label.length }, (_, i) => i),
    file,
  );
  let revenue: Float64Array | undefined;
  if (r.revenueColumn !== undefined) {
    if (schema.inputs.find((f) => f.name === r.revenueColumn)?.type !== 'numeric')
      throw new ChurnError('CHURN_ERR_PARAM', `--revenue ${r.revenueColumn} must name a numeric feature column of the table`, {
        column: r.revenueColumn,
      });
    revenue = numericColumn(frame, r.revenueColumn);
  }
  const folds = r.foldOf ? explicitFolds(r.foldOf, label.length) : stratifiedFolds(label, r.folds, r.seed);
  return { data, schema, positive, folds, revenue };
}

function explicitFolds(foldOf: ArrayLike<number>, n: number): Fold[] {
  if (foldOf.length !== n)
    throw new ChurnError('CHURN_ERR_PARAM', `foldOf has ${foldOf.length} entries for ${n} rows`, {
      rows: n,
      folds: foldOf.length,
    });
  const k = Math.max(...Array.from(foldOf)) + 1;
  const all = Int32Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: k }, (_, f) => ({
    fit: all.filter((i) => foldOf[i] !== f),
    holdout: all.filter((i) => foldOf[i] === f),
  }));
}
