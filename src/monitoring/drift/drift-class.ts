/** The drift classes of a PSI value: stable < moderate ≤ … ≤ drift, with configurable bounds. */

export type DriftClass = 'stable' | 'moderate' | 'drift';

export interface DriftThresholds {
  /** PSI at or above this is at least moderate (default 0.1). */
  moderate: number;
  /** PSI above this is drift (default 0.2). */
  drift: number;
}

export const DEFAULT_DRIFT_THRESHOLDS: DriftThresholds = { moderate: 0.1, drift: 0.2 };

/** < moderate → stable; moderate … drift → moderate; > drift → drift. */
export function driftClass(value: number, t: DriftThresholds = DEFAULT_DRIFT_THRESHOLDS): DriftClass {
  if (value > t.drift) return 'drift';
  if (value >= t.moderate) return 'moderate';
  return 'stable';
}
