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
const REF_AT = logColumns.indexOf('customer_ref');

/**
 * A row whose customer id is still to be pseudonymised carries the id one place past the columns (customer_ref null):
 * the request log leaves the HMAC to whoever writes the row.
 */
export const RAW_ID_AT = logColumns.length;

/** Puts the reference of rows[start, end)'s raw customer ids into customer_ref, in place (rows without one unchanged). */
export function pseudonymiseRows(rows: unknown[][], start: number, end: number, ref: (id: string) => string): void {
  for (let i = start; i < end; i++) {
    const row = rows[i];
    if (row.length > RAW_ID_AT) {
      row[REF_AT] = ref(row[RAW_ID_AT] as string);
      row.length = RAW_ID_AT;
    }
  }
}

/** Turns the feature objects of rows[start, end) into their JSON text, in place (null stays null). */
export function serialiseFeatureRows(rows: unknown[][], start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const f = rows[i][FEATURES_AT];
    if (f !== null && typeof f === 'object') rows[i][FEATURES_AT] = JSON.stringify(f);
  }
}
