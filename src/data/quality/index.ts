export type { CheckCategory, CheckResult, QualityCheck, Severity } from './check.js';
export { formatQualityReport } from './format.js';
export { type QualityReport, qualityChecks, runQualityChecks } from './run.js';
