/** Batch scoring from the store: every customer active at a date, scored, explained, valued and given an action. */
import { ChurnError } from '../../errors/index.js';
import { dataRange, type FeatureFrame, snapshotAt } from '../../features/index.js';
import type { Store } from '../../store/index.js';
import type { Assessment } from '../assess.js';
import type { Scorer, Scores } from '../scorer.js';

/** The outcome of scoring one snapshot with one model. */
export interface CustomerScores {
  modelId: string;
  /** The cutoff the features describe: the newest data date, or the date asked for. */
  snapshotDate: string;
  /** Churn horizon of the probabilities, in days. */
  horizonDays: number;
  scores: Scores;
  /** One per active customer, in customer_id order. */
  customers: Assessment[];
}

/** Stages reported while scoring (the CLI shows them). */
export type ScoreStage = 'snapshot' | 'score' | 'explain';

/** Options of `scoreCustomers`. */
export interface ScoreCustomersOptions {
  /** Cutoff day (YYYY-MM-DD); default the newest date in the store. */
  at?: string;
  /** Drivers kept per direction (default 3). */
  topK?: number;
  onStage?: (stage: ScoreStage) => void;
}

/** Scores, explains and values every customer active at `at` (default: the newest data date); no label is needed. */
export async function scoreCustomers(store: Store, scorer: Scorer, options: ScoreCustomersOptions = {}): Promise<CustomerScores> {
  options.onStage?.('snapshot');
  const { at, horizonDays, frame } = await activeCustomers(store, scorer, options.at);
  options.onStage?.('score');
  const rows = scorer.prepareFrame(frame);
  options.onStage?.('explain');
  const { scores, rows: customers } = scorer.assess(rows, { topK: options.topK });
  return { modelId: scorer.modelId, snapshotDate: at, horizonDays, scores, customers };
}

/**
 * The point-in-time snapshot of every customer active at `at` (default: the newest data date). Only snapshot models
 * can score the store's customers; a table model is CHURN_ERR_PARAM (score its files with `churn predict`).
 */
export async function activeCustomers(
  store: Store,
  scorer: Scorer,
  at?: string,
): Promise<{ at: string; horizonDays: number; frame: FeatureFrame }> {
  if (scorer.input.source !== 'snapshots')
    throw new ChurnError(
      'CHURN_ERR_PARAM',
      `Model ${scorer.modelId} was trained on a table (${scorer.artifact.training.tableFile ?? 'CSV'}), not on the store's customers; ` +
        'score files of that table with `churn predict FILE.csv`',
      { modelId: scorer.modelId, source: scorer.input.source },
    );
  const day = at ?? (await dataRange(store)).newest;
  if (day === null) throw new ChurnError('CHURN_ERR_NO_DATA', 'The store holds no data to score: load or generate data first');
  const horizonDays = scorer.horizonDays ?? 30;
  const snapshot = await snapshotAt(store, day, { horizonDays });
  if (snapshot.frame.nRows === 0)
    throw new ChurnError('CHURN_ERR_NO_DATA', `No customer is active on ${day}: nothing to score`, { at: day });
  return { at: day, horizonDays, frame: snapshot.frame };
}
