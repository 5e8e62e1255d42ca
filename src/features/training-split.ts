/** The two parts of a training set: rows to fit on and the out-of-time validation rows. */
import { type FeatureFrame, selectRows } from './frame.js';
import type { TrainingSet } from './training-set.js';

/** Rows of one part with their labels. */
export interface LabelledRows {
  frame: FeatureFrame;
  label: Uint8Array;
}

/** Splits by `isValidation` (row order kept): fit preprocessing and models on `train` only. */
export function splitTrainingSet(set: TrainingSet): { train: LabelledRows; validation: LabelledRows } {
  const part = (want: number): LabelledRows => {
    const index: number[] = [];
    for (let i = 0; i < set.frame.nRows; i++) if (set.isValidation[i] === want) index.push(i);
    return { frame: selectRows(set.frame, index), label: Uint8Array.from(index, (i) => set.label[i]) };
  };
  return { train: part(0), validation: part(1) };
}
