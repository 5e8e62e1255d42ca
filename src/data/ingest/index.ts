export { type ColumnKind, type ColumnSpec, columnSpecs, isCalendarDate, registerDateFormat } from './column-spec.js';
export type { LoadProgress } from './file-loader.js';
export { tableForFile } from './inputs.js';
export { KeySet } from './key-set.js';
export { type LoadOptions, loadCsvFiles } from './load.js';
export { quarantineColumns } from './quarantine.js';
export { type QuarantineReason, quarantineReasons, type RowProblem } from './reasons.js';
export { type FileLoadSummary, formatLoadSummary, type LoadSummary, type ReasonCounts } from './summary.js';
