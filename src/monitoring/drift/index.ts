export type { PsiBin, PsiResult } from './bins.js';
export { type CategoricalReference, categoricalPsi, UNSEEN_LEVEL } from './categorical-psi.js';
export { DEFAULT_DRIFT_THRESHOLDS, type DriftClass, type DriftThresholds, driftClass } from './drift-class.js';
export { type NumericReference, numericPsi } from './numeric-psi.js';
export { DEFAULT_PSI_EPSILON, psi } from './psi.js';
export { type DriftVerdict, driftVerdict, type FeatureDrift, type VerdictOptions } from './verdict.js';
