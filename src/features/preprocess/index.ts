/** Fitted preprocessing: imputation, scaling, one-hot / ordinal encoding, and the serving input path. */
export { encodedColumns, missingLevel, otherLevel } from './columns.js';
export { fitPreprocessor } from './fit.js';
export { type RawRecord, type RecordOptions, recordsToFrame, validateRawRecord } from './record.js';
export { transformRecords, transformSnapshot } from './serve.js';
export { transform } from './transform.js';
export type * from './types.js';
