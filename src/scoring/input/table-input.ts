/** Inputs of table models (`churn train --table`): the table's inferred columns as the artifact records them. */
import { ChurnError } from '../../errors/index.js';
import type { Category, FeatureFrame, FrameColumn } from '../../features/index.js';
import type { FeatureInput, ModelArtifact } from '../../registry/index.js';
import type { InputAdapter, ValidRecord } from './input.js';

const truthy = new Set(['1', 'true', 'yes', 'y']);
const falsy = new Set(['0', 'false', 'no', 'n']);

/** The adapter for a model trained on a flat table. */
export function tableInput(artifact: ModelArtifact): InputAdapter {
  const inputs = artifact.features.inputs;
  const byName = new Map(inputs.map((f) => [f.name, f]));
  const idColumn = artifact.features.idColumn ?? 'id';
  const labelColumn = artifact.training.target.column;
  const ignored = new Set([labelColumn, ...artifact.features.dropped.map((d) => d.name)]);
  const invalid = (field: string, message: string, index: number) =>
    new ChurnError('CHURN_ERR_VALIDATION', `${field}: ${message}`, { field, record: index });

  const read = (record: unknown, index: number, fromText: boolean): ValidRecord => {
    if (typeof record !== 'object' || record === null || Array.isArray(record))
      throw invalid('(record)', 'must be an object of column values', index);
    const input = record as Record<string, unknown>;
    for (const key of Object.keys(input))
      if (!byName.has(key) && key !== idColumn && !ignored.has(key))
        throw invalid(
          key,
          `is not a column of the table the model was trained on (${artifact.training.tableFile ?? 'table'})`,
          index,
        );
    const values: Record<string, number | string | null> = {};
    for (const f of inputs) values[f.name] = cell(f, input[f.name], fromText, (m) => invalid(f.name, m, index));
    const id = input[idColumn];
    return { id: id === undefined || id === null || id === '' ? `row-${index}` : String(id), cutoff: '', values };
  };

  return {
    source: 'table',
    fields: inputs,
    idColumn,
    labelColumn,
    validate: (record, index) => read(record, index, false),
    parseCells: (cells, index) => read(cells, index, true),
    frameOf: (records) => frameOf(inputs, records),
    prepare: (frame) => frame,
  };
}

/** One value checked against its column's type; blanks are missing (imputed, or an error when the input is required). */
function cell(f: FeatureInput, raw: unknown, fromText: boolean, fail: (m: string) => Error): number | string | null {
  const v = typeof raw === 'string' ? raw.trim() : raw;
  if (v === undefined || v === null || v === '') {
    if (f.required) throw fail('is required');
    return null;
  }
  switch (f.type) {
    case 'numeric': {
      const n = typeof v === 'number' ? v : fromText || typeof v === 'string' ? Number(v) : Number.NaN;
      if (!Number.isFinite(n)) throw fail(`must be a finite number (got ${JSON.stringify(raw)})`);
      return n;
    }
    case 'boolean': {
      if (typeof v === 'boolean') return v ? 1 : 0;
      const t = String(v).toLowerCase();
      if (truthy.has(t)) return 1;
      if (falsy.has(t)) return 0;
      throw fail(`must be yes/no, true/false or 1/0 (got ${JSON.stringify(raw)})`);
    }
    case 'categorical':
      if (typeof v !== 'string' && !(fromText && typeof v === 'number')) throw fail('must be a category label (text)');
      return String(v);
    case 'date':
      throw fail('date inputs are not supported by this build');
    default:
      return f.type satisfies never;
  }
}

function frameOf(inputs: readonly FeatureInput[], records: readonly ValidRecord[]): FeatureFrame {
  const columns: Record<string, FrameColumn> = {};
  for (const f of inputs) {
    if (f.type === 'categorical') columns[f.name] = records.map((r) => (r.values[f.name] ?? null) as Category);
    else columns[f.name] = Float64Array.from(records, (r) => (r.values[f.name] ?? Number.NaN) as number);
  }
  return { nRows: records.length, customerId: records.map((r) => r.id), cutoff: records.map(() => ''), columns };
}
