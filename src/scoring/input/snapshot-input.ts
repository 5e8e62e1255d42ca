/** Inputs of snapshot models: the snapshot features of src/features, validated by its own rules, derived by its recipe. */
import { ChurnError } from '../../errors/index.js';
import { deriveFeatures, type FeatureFrame, snapshotFeatures, validateRawRecord } from '../../features/index.js';
import type { ModelArtifact } from '../../registry/index.js';
import type { InputAdapter, ValidRecord } from './input.js';
import { stackRecords } from './stack-records.js';

const specs = new Map(snapshotFeatures.map((f) => [f.name, f]));
const truthy = new Set(['1', 'true', 'yes', 'y']);
const falsy = new Set(['0', 'false', 'no', 'n']);

/** The adapter for a model trained on point-in-time snapshots. */
export function snapshotInput(artifact: ModelArtifact): InputAdapter {
  const required = artifact.features.inputs.filter((f) => f.required).map((f) => f.name);
  const validate = (record: unknown, index: number): ValidRecord => {
    const r = validateRawRecord(record, { required }, index);
    return { id: r.customerId, cutoff: r.cutoff, values: r.values };
  };
  return {
    source: 'snapshots',
    fields: artifact.features.inputs,
    idColumn: 'customer_id',
    labelColumn: artifact.training.target.column,
    validate,
    parseCells: (cells, index) => validate(recordOfCells(cells, index), index),
    frameOf: (records) => deriveFeatures(frameOfRecords(records)),
    prepare: (frame) => deriveFeatures(frame),
  };
}

/** CSV text → typed values (empty = missing); the range and vocabulary checks are validateRawRecord's. */
function recordOfCells(cells: Readonly<Record<string, string>>, index: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(cells)) {
    const spec = specs.get(name);
    const t = text.trim();
    if (!spec) {
      if (t !== '') out[name] = t; // customer_id, cutoff: an empty id gets the record's default name
    } else if (t === '') out[name] = null;
    else if (spec.type === 'categorical') out[name] = t;
    else if (spec.type === 'boolean' && (truthy.has(t.toLowerCase()) || falsy.has(t.toLowerCase())))
      out[name] = truthy.has(t.toLowerCase()) ? 1 : 0;
    else {
      const n = Number(t);
      if (!Number.isFinite(n))
        throw new ChurnError('CHURN_ERR_VALIDATION', `${name}: must be a number (got "${t.slice(0, 40)}")`, {
          field: name,
          record: index,
        });
      out[name] = n;
    }
  }
  return out;
}

/** Stacks validated records into a frame of snapshot features (NaN / null = missing). */
function frameOfRecords(records: readonly ValidRecord[]): FeatureFrame {
  return stackRecords(snapshotFeatures, records);
}
