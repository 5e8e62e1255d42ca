/** The closed union of fitted models: every estimator's model is a plain serialisable value tagged by `kind`. */

import type { HistBoostingModel } from './boost/model.js';
import type { KMeansModel } from './cluster/kmeans-model.js';
import type { RandomForestModel } from './forest/random-forest.js';
import type { GradientBoostingModel } from './gbm/gradient-boosting.js';
import type { LogisticModel } from './linear/logistic-model.js';
import type { DecisionTreeModel } from './tree/decision-tree.js';

/** Models that score rows with a probability of churn (dispatched by predictProba / predictMargin). */
export type ClassifierModel = LogisticModel | DecisionTreeModel | RandomForestModel | GradientBoostingModel | HistBoostingModel;

/** Every fitted model src/ml produces. */
export type FittedModel = ClassifierModel | KMeansModel;

/** The `kind` tags of all models. */
export type ModelKind = FittedModel['kind'];
