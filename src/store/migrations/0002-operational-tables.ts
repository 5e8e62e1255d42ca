/** Migration 2: the tables churnlab itself writes — model registry, predictions, monitoring, alerts, retention, keys. */
import type { Migration } from './migration.js';

export const operationalTables: Migration = {
  version: 2,
  name: 'operational tables',
  // Timestamps are ISO-8601 UTC text on both engines so they compare and round-trip identically.
  up: ({ types: t }) => `
CREATE TABLE model_versions (
  model_id ${t.text} PRIMARY KEY,
  version ${t.int} NOT NULL UNIQUE,
  created_at ${t.text} NOT NULL,
  family ${t.text} NOT NULL,
  source ${t.text} NOT NULL,
  path ${t.text} NOT NULL,
  threshold ${t.real} NOT NULL,
  metrics_json ${t.text} NOT NULL,
  status ${t.text} NOT NULL,
  promoted_at ${t.text}
);
CREATE TABLE predictions (
  prediction_id ${t.serial},
  created_at ${t.text} NOT NULL,
  source ${t.text} NOT NULL,
  request_id ${t.text},
  customer_ref ${t.text},
  snapshot_date ${t.date},
  model_id ${t.text} NOT NULL,
  input_hash ${t.text},
  probability ${t.real} NOT NULL,
  decision ${t.int} NOT NULL,
  risk_bucket ${t.text} NOT NULL,
  explanation_json ${t.text}
);
CREATE INDEX predictions_model_snapshot ON predictions (model_id, snapshot_date);
CREATE INDEX predictions_customer ON predictions (customer_ref, snapshot_date);
CREATE TABLE monitoring_runs (
  run_id ${t.text} PRIMARY KEY,
  created_at ${t.text} NOT NULL,
  kind ${t.text} NOT NULL,
  model_id ${t.text},
  at_date ${t.date},
  verdict ${t.text} NOT NULL,
  result_json ${t.text} NOT NULL
);
CREATE TABLE alerts (
  alert_id ${t.text} PRIMARY KEY,
  created_at ${t.text} NOT NULL,
  kind ${t.text} NOT NULL,
  severity ${t.text} NOT NULL,
  incident_key ${t.text} NOT NULL,
  message ${t.text} NOT NULL,
  payload_json ${t.text} NOT NULL,
  delivered ${t.int} NOT NULL DEFAULT 0,
  delivery_attempts ${t.int} NOT NULL DEFAULT 0,
  resolved_at ${t.text}
);
CREATE INDEX alerts_incident ON alerts (incident_key, resolved_at);
CREATE TABLE experiments (
  experiment_id ${t.text} PRIMARY KEY,
  name ${t.text} NOT NULL,
  created_at ${t.text} NOT NULL,
  snapshot_date ${t.date} NOT NULL,
  horizon_days ${t.int} NOT NULL,
  treatment_share ${t.real} NOT NULL,
  status ${t.text} NOT NULL,
  config_json ${t.text} NOT NULL,
  result_json ${t.text}
);
CREATE TABLE retention_actions (
  action_id ${t.text} PRIMARY KEY,
  created_at ${t.text} NOT NULL,
  customer_id ${t.text} NOT NULL,
  snapshot_date ${t.date} NOT NULL,
  experiment_id ${t.text},
  arm ${t.text},
  rule_id ${t.text},
  action ${t.text} NOT NULL,
  channel ${t.text},
  offer ${t.text},
  expected_value ${t.real},
  outcome ${t.text},
  outcome_at ${t.text}
);
CREATE INDEX retention_actions_customer ON retention_actions (customer_id, snapshot_date);
CREATE TABLE api_keys (
  key_id ${t.text} PRIMARY KEY,
  name ${t.text} NOT NULL,
  key_hash ${t.text} NOT NULL UNIQUE,
  scopes ${t.text} NOT NULL,
  created_at ${t.text} NOT NULL,
  revoked_at ${t.text},
  last_used_at ${t.text}
);
`,
};
