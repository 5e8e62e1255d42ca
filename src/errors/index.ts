export { type ChurnErrorCode, errorCatalogue } from './catalogue.js';
export { ChurnError, isChurnError } from './churn-error.js';
