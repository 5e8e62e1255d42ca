/** Migration 3: segmentation runs (profiles as JSON) and each customer's segment, read by scoring, BI and the API. */
import type { Migration } from './migration.js';

export const customerSegments: Migration = {
  version: 3,
  name: 'customer segments',
  up: ({ types: t }) => `
CREATE TABLE segment_runs (
  run_id ${t.text} PRIMARY KEY,
  created_at ${t.text} NOT NULL,
  snapshot_date ${t.date} NOT NULL,
  k ${t.int} NOT NULL,
  seed ${t.int} NOT NULL,
  summary_json ${t.text} NOT NULL
);
CREATE TABLE customer_segments (
  run_id ${t.text} NOT NULL,
  customer_id ${t.text} NOT NULL,
  snapshot_date ${t.date} NOT NULL,
  segment_id ${t.int} NOT NULL,
  segment_name ${t.text} NOT NULL,
  PRIMARY KEY (run_id, customer_id)
);
CREATE INDEX customer_segments_customer ON customer_segments (customer_id, snapshot_date);
`,
};
