/** The fitted histogram-boosting model: a plain serialisable value (FlatTrees + prior margin + the params used). */

import type { FlatTree } from '../tree/flat-tree.js';
import type { HistBoostingParams } from './params.js';

/** Parameters recorded in the model: every scalar hyper-parameter (the validation set itself is not kept). */
export type HistBoostingRecordedParams = Omit<HistBoostingParams, 'validation'>;

/** A fitted histogram gradient-boosting classifier. Margin = baseMargin + Σ tree leaf values (log-odds). */
export interface HistBoostingModel {
  kind: 'hist_boosting';
  nFeatures: number;
  /** Log-odds every prediction starts from (logit of base_score or of the prior). */
  baseMargin: number;
  /** Boosted trees; leaf values are margin contributions with the learning rate applied, cover = hessian sum. */
  trees: FlatTree[];
  params: HistBoostingRecordedParams;
  /** Rounds kept (= trees.length) and, with early stopping, the round of the best validation loss. */
  bestIteration: number;
  /** Validation log loss after each round (empty without a validation set). */
  validationLoss: number[];
  /** Features bundled into one histogram column during training (for the record; prediction ignores it). */
  bundles: number[][];
}
