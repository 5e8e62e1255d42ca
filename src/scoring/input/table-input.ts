/** Inputs of table models (`churn train --table`): the table's inferred columns, read by training's own table rules. */
import { ChurnError, isChurnError } from '../../errors/index.js';
import type { Category, FeatureFrame } from '../../features/index.js';
import type { FeatureInput, ModelArtifact } from '../../registry/index.js';
import { tableFrame } from '../../training/index.js';
import type { InputAdapter, ValidRecord } from './input.js';
import { stackRecords } from './stack-records.js';

/**
 * The adapter for a model trained on a flat table. Cells are read by `tableFrame`, the function training built the
 * model's frame with (blank = missing; numbers plain decimals; booleans one of the two spellings seen in training;
 * categories as written), so a row scores exactly as the same row did in training. API records may send numbers and
 * true/false for booleans. Columns other than the inputs, the id, the label and the dropped ones are refused.
 */
export function tableInput(artifact: ModelArtifact): InputAdapter {
  const inputs = artifact.features.inputs;
  const byName = new Map(inputs.map((f) => [f.name, f]));
  const idColumn = artifact.features.idColumn ?? 'id';
  const labelColumn = artifact.training.target.column;
  const ignored = new Set([idColumn, labelColumn, ...artifact.features.dropped.map((d) => d.name)]);
  const invalid = (field: string, message: string, index: number) =>
    new ChurnError('CHURN_ERR_VALIDATION', `${field}: ${message}`, { field, record: index });

  const read = (input: Readonly<Record<string, unknown>>, index: number): ValidRecord => {
    for (const key of Object.keys(input))
      if (!byName.has(key) && !ignored.has(key))
        throw invalid(
          key,
          `is not a column of the table the model was trained on (${artifact.training.tableFile ?? 'table'})`,
          index,
        );
    const cells: Record<string, string> = {};
    for (const f of inputs) {
      const text = cellText(f, input[f.name]);
      if (text === null)
        throw invalid(
          f.name,
          `must be ${f.type === 'categorical' ? 'text' : f.type === 'boolean' ? 'true/false' : 'a number'}`,
          index,
        );
      if (text === '' && f.required) throw invalid(f.name, 'is required', index);
      cells[f.name] = text;
    }
    const id = input[idColumn];
    const rowId = id === undefined || id === null || id === '' ? `row-${index}` : String(id);
    let frame: FeatureFrame;
    try {
      frame = tableFrame(inputs, [cells], [rowId]);
    } catch (e) {
      // tableFrame names the column and a line; the record index is what a caller of this adapter can act on.
      if (!isChurnError(e, 'CHURN_ERR_VALIDATION')) throw e;
      const field = String(e.context.field);
      throw invalid(field, e.message.replace(/^.*? \(line \d+\): /, ''), index);
    }
    const values: ValidRecord['values'] = {};
    for (const f of inputs) {
      const c = frame.columns[f.name];
      values[f.name] = c instanceof Float64Array ? (Number.isNaN(c[0]) ? null : c[0]) : (c[0] as Category);
    }
    return { id: rowId, cutoff: '', values };
  };

  return {
    source: 'table',
    fields: inputs,
    idColumn,
    labelColumn,
    validate(record, index) {
      if (typeof record !== 'object' || record === null || Array.isArray(record))
        throw invalid('(record)', 'must be an object of column values', index);
      return read(record as Record<string, unknown>, index);
    },
    parseCells: (cells, index) => read(cells, index),
    frameOf: (records) => frameOf(inputs, records),
    prepare: (frame) => frame,
  };
}

/** A value as the table cell text training read; null when its JSON type cannot be a cell of that column. */
function cellText(f: FeatureInput, v: unknown): string | null {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (f.type === 'boolean' && typeof v === 'boolean') return (f.categories ?? ['false', 'true'])[v ? 1 : 0];
  if (typeof v === 'number' && f.type !== 'categorical') return Number.isFinite(v) ? String(v) : null;
  return null;
}

function frameOf(inputs: readonly FeatureInput[], records: readonly ValidRecord[]): FeatureFrame {
  return stackRecords(inputs, records);
}
