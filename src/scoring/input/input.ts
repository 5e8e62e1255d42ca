/** How a model's raw inputs arrive and become the frame its preprocessing reads: one interface, one adapter per source. */
import type { FeatureFrame, FeatureRow } from '../../features/index.js';
import type { FeatureInput } from '../../registry/index.js';

/** One validated input row: an identifier, the cutoff it describes (snapshots; '' when unknown) and typed values. */
export interface ValidRecord {
  id: string;
  cutoff: string;
  /** Input values: numbers and 0/1 flags, category labels, null = missing (imputed or routed by the model). */
  values: FeatureRow;
}

/**
 * The raw-input side of a model. Validation errors are ChurnError('CHURN_ERR_VALIDATION') whose context names the
 * `field` and the `record` index (0-based) so a caller can point at the bad cell.
 */
export interface InputAdapter {
  source: 'snapshots' | 'table';
  /** The raw fields a caller sends (API body keys, CSV columns), as the artifact records them. */
  fields: readonly FeatureInput[];
  /** Column holding the customer id (passed through, never a feature). */
  idColumn: string;
  /** The label column of the training table: ignored when a CSV to score still carries it. */
  labelColumn: string;
  /** A record of typed values (API body): checked against the model's input schema. */
  validate(record: unknown, index: number): ValidRecord;
  /** One CSV row (header name → cell text) of the training table's columns; other columns must be removed first. */
  parseCells(cells: Readonly<Record<string, string>>, index: number): ValidRecord;
  /** The frame the preprocessing reads for validated records (derived features added for snapshot models). */
  frameOf(records: readonly ValidRecord[]): FeatureFrame;
  /** The frame the preprocessing reads for a stored frame of raw inputs (a snapshot from the store). */
  prepare(frame: FeatureFrame): FeatureFrame;
}
