/** The synthetic subscription business generator: public surface. */
export type { Cell, RowArray, RowBatch, RowSink } from './batch.js';
export { calibrateHazard } from './calibrate.js';
export { parseDriftSpec } from './drift-spec.js';
export { formatGenerateSummary } from './format.js';
export { type GenerateProgress, generateBusiness } from './generate.js';
export {
  type DriftKind,
  type DriftScenario,
  driftKinds,
  type GenerateOptions,
  generateDefaults,
  resolveOptions,
} from './options.js';
export { csvCell, csvSink } from './sinks/csv-sink.js';
export { type MemorySink, memorySink } from './sinks/memory-sink.js';
export { type StoreSinkOptions, storeSink } from './sinks/store-sink.js';
export type { ChurnReason, GenerateSummary } from './summary.js';
