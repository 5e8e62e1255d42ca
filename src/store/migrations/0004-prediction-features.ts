/**
 * Migration 4: the model-input feature values of each logged prediction (JSON object, feature-contract names), so drift
 * can be measured over any batch of logged predictions. Nullable: older rows, CSV jobs and batch scoring carry none.
 */
import type { Migration } from './migration.js';

export const predictionFeatures: Migration = {
  version: 4,
  name: 'prediction features',
  up: ({ types: t }) => `
ALTER TABLE predictions ADD COLUMN features_json ${t.text};
CREATE INDEX predictions_created ON predictions (created_at);
`,
};
