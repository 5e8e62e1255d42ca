/** The time-ordered splits of a snapshot training set: out-of-time validation, and the inner split the search tunes on. */
import { ChurnError } from '../../errors/index.js';
import { addDays, planCutoffs, type TrainingSet } from '../../features/index.js';
import { stratifiedHoldout } from './stratified.js';

/** Row sets of a snapshot training set. */
export interface TimeSplit {
  /** Every training row (the final models are fitted on these). */
  train: Int32Array;
  /** The out-of-time validation rows (metrics, selection; never tuning). */
  validation: Int32Array;
  /** The search fits on innerFit and scores on innerScore; thresholds and calibration are tuned on innerScore. */
  innerFit: Int32Array;
  innerScore: Int32Array;
  /** How the inner split was made, in words. */
  innerNote: string;
  trainCutoffs: string[];
  validationCutoffs: string[];
  innerCutoffs: { fit: string[]; score: string[] };
}

/**
 * Checks that every training cutoff's label window ends on or before the first validation cutoff (else
 * CHURN_ERR_LEAKAGE: the model would learn from outcomes unknown at validation time) and splits the rows.
 * The inner split holds out the latest training cutoff; training cutoffs whose labels reach into it are purged
 * from the inner fit part. With a single usable training cutoff it is a stratified 20 % holdout (not time-ordered).
 */
export function timeSplit(set: TrainingSet, seed: number): TimeSplit {
  const byCutoff = new Map<string, number[]>();
  set.frame.cutoff.forEach((c, i) => {
    const rows = byCutoff.get(c) ?? byCutoff.set(c, []).get(c)!;
    rows.push(i);
  });
  const trainCutoffs = [...new Set(set.frame.cutoff.filter((_, i) => !set.isValidation[i]))].sort();
  const validationCutoffs = [...new Set(set.frame.cutoff.filter((_, i) => set.isValidation[i]))].sort();
  if (!trainCutoffs.length || !validationCutoffs.length)
    throw new ChurnError('CHURN_ERR_NO_DATA', 'The training set needs rows of at least one training and one validation cutoff', {
      trainCutoffs,
      validationCutoffs,
    });
  for (const c of trainCutoffs)
    if (addDays(c, set.horizonDays) > validationCutoffs[0])
      throw new ChurnError(
        'CHURN_ERR_LEAKAGE',
        `Training cutoff ${c} has labels up to ${addDays(c, set.horizonDays)}, after validation cutoff ${validationCutoffs[0]}: ` +
          'the model would train on outcomes that were still in the future at validation time',
        { cutoff: c, validationCutoff: validationCutoffs[0], horizonDays: set.horizonDays },
      );
  const rowsOf = (cutoffs: string[]) => Int32Array.from(cutoffs.flatMap((c) => byCutoff.get(c) ?? []));
  const train = rowsOf(trainCutoffs);
  const validation = rowsOf(validationCutoffs);
  if (trainCutoffs.length === 1)
    return singleCutoffSplit(set, train, validation, trainCutoffs, validationCutoffs, seed, 'only one training cutoff');
  const roles = innerRoles(trainCutoffs, set.horizonDays);
  if (!roles)
    return singleCutoffSplit(
      set,
      train,
      validation,
      trainCutoffs,
      validationCutoffs,
      seed,
      'every earlier training cutoff is purged',
    );
  const fit = trainCutoffs.filter((c) => roles.get(c) === 'train');
  const score = trainCutoffs.filter((c) => roles.get(c) === 'validation');
  return {
    train,
    validation,
    innerFit: rowsOf(fit),
    innerScore: rowsOf(score),
    innerNote: `fitted on cutoffs ${fit[0]} … ${fit.at(-1)}, scored on the latest training cutoff ${score.join(', ')}`,
    trainCutoffs,
    validationCutoffs,
    innerCutoffs: { fit, score },
  };
}

/** The latest training cutoff held out, earlier ones purged when their labels reach into it; null when none is left. */
function innerRoles(trainCutoffs: string[], horizonDays: number) {
  try {
    return planCutoffs(trainCutoffs, 1, horizonDays);
  } catch (e) {
    if ((e as { code?: string }).code === 'CHURN_ERR_NO_DATA') return null;
    throw e;
  }
}

/** Fallback inner split: a stratified 20 % holdout of the training rows (not time-ordered; the reason is recorded). */
function singleCutoffSplit(
  set: TrainingSet,
  train: Int32Array,
  validation: Int32Array,
  trainCutoffs: string[],
  validationCutoffs: string[],
  seed: number,
  why: string,
): TimeSplit {
  const holdout = stratifiedHoldout(set.label, train, 0.2, seed);
  return {
    train,
    validation,
    innerFit: holdout.fit,
    innerScore: holdout.holdout,
    innerNote: `a stratified 20 % holdout of the training rows (${why}: not time-ordered)`,
    trainCutoffs,
    validationCutoffs,
    innerCutoffs: { fit: trainCutoffs, score: trainCutoffs },
  };
}

/** Throws CHURN_ERR_NO_DATA unless `rows` hold both churners and non-churners (AUCs and thresholds need both). */
export function requireBothClasses(label: Uint8Array, rows: Int32Array, what: string): void {
  let pos = 0;
  for (const i of rows) pos += label[i];
  if (pos === 0 || pos === rows.length)
    throw new ChurnError(
      'CHURN_ERR_NO_DATA',
      `${what} has ${rows.length} rows and ${pos} churners: it needs both churners and non-churners (more customers or other cutoffs)`,
      { rows: rows.length, churners: pos },
    );
}
