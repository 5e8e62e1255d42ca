/** The serving path in one call: raw records → validated frame → deriveFeatures → fitted transform (as in training). */
import type { Matrix } from '../../ml/index.js';
import { deriveFeatures } from '../derived.js';
import type { FeatureFrame } from '../frame.js';
import { type RecordOptions, recordsToFrame } from './record.js';
import { transform } from './transform.js';
import type { Preprocessor } from './types.js';

/** The model input matrix for raw records (API and batch scoring); same functions as the training path. */
export function transformRecords(pre: Preprocessor, records: readonly unknown[], options: RecordOptions = {}): Matrix {
  return transform(pre, deriveFeatures(recordsToFrame(records, options)));
}

/** The model input matrix for snapshot rows (training, batch scoring from the store). */
export function transformSnapshot(pre: Preprocessor, snapshotFrame: FeatureFrame): Matrix {
  return transform(pre, deriveFeatures(snapshotFrame));
}
