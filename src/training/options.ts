/** Options of a training run: command-line overrides over the `training` configuration, validated in one place. */
import type { LoadedConfig } from '../config/index.js';
import { ChurnError } from '../errors/index.js';
import type { CalibrationMethod } from './calibrate.js';
import type { ContactEconomics, ThresholdRule } from './evaluate/threshold.js';
import { type CandidateFamily, parseFamilies } from './families.js';
import type { TrainProgress } from './progress.js';

/** What a caller may set; everything has a default from the configuration. */
export interface TrainOptions {
  /** Families to train (codes lr, rf, gb, hgb or family keys). */
  models?: string | readonly string[];
  /** Estimated seconds the hyper-parameter search may spend over all families. */
  budgetSeconds?: number;
  calibrate?: CalibrationMethod;
  threshold?: ThresholdRule;
  seed?: number;
  /** Snapshots: explicit cutoffs (default: monthly). */
  cutoffs?: readonly string[];
  /** Snapshots: label horizon in days (default `features.horizonDays`). */
  horizonDays?: number;
  /** Snapshots: the latest N cutoffs, or the listed ones, are the out-of-time validation (default `features.validationCutoffs`). */
  validationCutoffs?: number | readonly string[];
  /** Snapshots: build the training set even when the saved one matches. */
  rebuild?: boolean;
  /**
   * Snapshots: refit each candidate's chosen configuration on every training cutoff, its threshold transferred from the
   * model fitted on the inner split (default false: the served model is the one fitted on the inner-fit cutoffs, and
   * its threshold is tuned on its own inner-validation predictions — one fit fewer per family).
   */
  refit?: boolean;
  /** Register the model in the registry (default true); false = build the artifact only (tests, benchmarks). */
  register?: boolean;
  /** Make the new model the champion (default true; `--no-promote`). */
  promote?: boolean;
  /** Write outputs/model_comparison.csv, outputs/metrics.json and the reports (default true). */
  writeFiles?: boolean;
  /** Fit two families at a time in worker threads on a 2-core machine (default true; same models either way). */
  parallel?: boolean;
  /** Pin the artifact's codeVersion (tests). */
  codeVersion?: string;
  /** Progress events (which model, which step, estimated seconds done and total). */
  onProgress?: (event: TrainProgress) => void;
}

/** Options with every default resolved. */
export interface ResolvedTrainOptions {
  families: CandidateFamily[];
  budgetSeconds: number;
  calibrate: CalibrationMethod;
  threshold: ThresholdRule;
  seed: number;
  economics: ContactEconomics;
  cutoffs: readonly string[] | undefined;
  horizonDays: number;
  validationCutoffs: number | readonly string[];
  rebuild: boolean;
  refit: boolean;
  register: boolean;
  promote: boolean;
  writeFiles: boolean;
  parallel: boolean;
  codeVersion: string | undefined;
  onProgress: (event: TrainProgress) => void;
}

const oneOf = <T extends string>(name: string, value: T, allowed: readonly T[]): T => {
  if (!allowed.includes(value))
    throw new ChurnError('CHURN_ERR_PARAM', `${name} must be one of ${allowed.join(', ')} (got ${String(value)})`, {
      [name]: value,
    });
  return value;
};

/** Merges options over `config.training` and checks them; throws CHURN_ERR_PARAM naming the bad option. */
export function resolveTrainOptions(config: LoadedConfig, options: TrainOptions = {}): ResolvedTrainOptions {
  const t = config.training;
  const budgetSeconds = options.budgetSeconds ?? t.budgetSeconds;
  if (!(budgetSeconds >= 0))
    throw new ChurnError('CHURN_ERR_PARAM', `budgetSeconds must be a number ≥ 0 (got ${budgetSeconds})`, { budgetSeconds });
  const seed = options.seed ?? t.seed;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new ChurnError('CHURN_ERR_PARAM', `seed must be a whole number from 0 to 4294967295 (got ${seed})`, { seed });
  return {
    families: parseFamilies(options.models ?? t.models),
    budgetSeconds,
    calibrate: oneOf('calibrate', options.calibrate ?? t.calibrate, ['none', 'platt', 'isotonic']),
    threshold: oneOf('threshold', options.threshold ?? t.threshold, ['f1', 'cost']),
    seed,
    economics: { ...t.cost },
    cutoffs: options.cutoffs,
    horizonDays: options.horizonDays ?? config.features.horizonDays,
    validationCutoffs: options.validationCutoffs ?? config.features.validationCutoffs,
    rebuild: options.rebuild ?? false,
    refit: options.refit ?? false,
    register: options.register ?? true,
    promote: options.promote ?? true,
    writeFiles: options.writeFiles ?? true,
    parallel: options.parallel ?? true,
    codeVersion: options.codeVersion,
    onProgress: options.onProgress ?? (() => {}),
  };
}
