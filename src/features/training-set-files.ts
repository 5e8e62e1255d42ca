/** Saving and loading a training set in `paths.processed`: `training-set.csv` for people, `training-set.cols` for training. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ChurnError } from '../errors/index.js';
import { readColumnar, writeColumnar } from './columnar.js';
import { writeFrameCsv } from './csv.js';
import type { Category, FeatureFrame } from './frame.js';
import type { CutoffSummary, TrainingSet } from './training-set.js';

/** File names inside the processed folder. */
export const trainingSetFiles = { csv: 'training-set.csv', columnar: 'training-set.cols' } as const;

/** Writes both forms into `dir` (created if needed); returns the two paths. */
export function saveTrainingSet(dir: string, set: TrainingSet): { csv: string; columnar: string } {
  mkdirSync(dir, { recursive: true });
  const csv = path.join(dir, trainingSetFiles.csv);
  const columnar = path.join(dir, trainingSetFiles.columnar);
  const split = Array.from(set.isValidation, (v) => (v ? 'validation' : 'train'));
  writeFrameCsv(csv, set.frame, { churned: set.label, split });
  writeColumnar(columnar, {
    nRows: set.frame.nRows,
    columns: {
      customer_id: set.frame.customerId,
      cutoff: set.frame.cutoff,
      ...set.frame.columns,
      churned: Float64Array.from(set.label),
      is_validation: Float64Array.from(set.isValidation),
    },
    meta: { horizonDays: set.horizonDays, newestDate: set.newestDate, cutoffs: set.cutoffs },
  });
  return { csv, columnar };
}

/** Loads the columnar training set written by saveTrainingSet (`file` = the .cols path or its folder). */
export function loadTrainingSet(file: string): TrainingSet {
  const table = readColumnar(file.endsWith('.cols') ? file : path.join(file, trainingSetFiles.columnar));
  const { customer_id, cutoff, churned, is_validation, ...features } = table.columns;
  if (!customer_id || !cutoff || !(churned instanceof Float64Array) || !(is_validation instanceof Float64Array))
    throw new ChurnError('CHURN_ERR_ARTIFACT', `${file} is not a training set (key or label columns missing)`, { file });
  const frame: FeatureFrame = {
    nRows: table.nRows,
    customerId: customer_id as string[],
    cutoff: cutoff as string[],
    columns: features as Record<string, Float64Array | Category[]>,
  };
  return {
    horizonDays: table.meta.horizonDays as number,
    newestDate: table.meta.newestDate as string,
    frame,
    label: Uint8Array.from(churned),
    isValidation: Uint8Array.from(is_validation),
    cutoffs: table.meta.cutoffs as CutoffSummary[],
  };
}
