/** Histogram gradient boosting (XGBoost/LightGBM manner): public surface of src/ml/boost. */

export { type BinnedMatrix, binMatrix } from './dataset.js';
export { fitHistBoosting } from './fit.js';
export type { HistBoostingModel, HistBoostingRecordedParams } from './model.js';
export { type BoostValidationSet, type HistBoostingParams, histBoostingDefaults, resolveHistBoostingParams } from './params.js';
export { predictHistBoostingProba, predictMargin as predictHistBoostingMargin } from './predictor.js';
