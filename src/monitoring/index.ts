/** The monitoring layer: PSI drift against the artifact baseline, realised performance, alerts, retraining on drift. */
export * from './alerts/index.js';
export * from './drift/index.js';
export { alertOptionsOf } from './runs/alert-options.js';
export {
  type BatchSelection,
  type BatchWindow,
  batchDriftReport,
  batchWindow,
  newestLoggedModel,
  runBatchDrift,
} from './runs/batch-drift.js';
export {
  type BatchDefinition,
  type BatchSource,
  baselineOf,
  type DriftOptions,
  type DriftReport,
  driftReport,
  type FeaturePsi,
} from './runs/drift-report.js';
export { formatDrift } from './runs/format-drift.js';
export { type BatchCycle, type CycleOptions, type MonitorCycle, monitorBatch, monitorCycle } from './runs/monitor-cycle.js';
export { type CohortPerformance, realisedPerformance } from './runs/performance.js';
export { type RetrainDecision, type RetrainOptions, retrainChallenger } from './runs/retrain.js';
export { driftOptionsOf, monitoringDir, runDrift } from './runs/run-drift.js';
export { latestRun, type RunKind, type SavedRun, saveRun } from './runs/save-run.js';
