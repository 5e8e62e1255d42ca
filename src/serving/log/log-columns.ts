/** The columns of a prediction-log row, shared by the request log, scoring jobs and the writer thread. */

/** `predictions` columns in insert order; `features_json` (the model inputs, or null) is last. */
export const logColumns = [
  'created_at',
  'source',
  'request_id',
  'customer_ref',
  'snapshot_date',
  'model_id',
  'input_hash',
  'probability',
  'decision',
  'risk_bucket',
  'features_json',
] as const;
export const FEATURES_AT = logColumns.length - 1;

/** Turns the feature objects of rows[start, end) into their JSON text, in place (null stays null). */
export function serialiseFeatureRows(rows: unknown[][], start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const f = rows[i][FEATURES_AT];
    if (f !== null && typeof f === 'object') rows[i][FEATURES_AT] = JSON.stringify(f);
  }
}
