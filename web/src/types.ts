/** Shapes of the API replies the pages read (mirrors src/serving/routes and /work API map). */

export interface Health {
  status: 'ok' | 'degraded';
  model: { id: string; family: string; loadedAt: string } | null;
  uptimeSeconds: number;
  store: 'ok' | 'unreachable';
  demo: boolean;
}

export interface ModelCard {
  model_id: string;
  family: string;
  code_version: string;
  source: string;
  loaded_at: string;
  horizon_days: number | null;
  trained_window: Record<string, unknown>;
  cutoffs: Record<string, unknown>;
  rows: Record<string, unknown>;
  positives: Record<string, unknown>;
  threshold: { value: number; rule: string };
  risk_buckets: { cuts: number[]; labels: string[] };
  calibration: string | null;
  selection: { rule: string; metric: string; chosen: string; reason: string };
  candidates: { name: string; family: string; selected: boolean; metrics: Record<string, unknown> }[];
  importance: { method: string; values: { feature: string; value: number }[] };
}

export interface ModelVersion {
  model_id: string;
  version: number;
  registered_at: string;
  family: string;
  source: string;
  threshold: number;
  status: string;
  promoted_at: string | null;
  metrics: Record<string, unknown>;
}

type Nums = (number | null)[];
export interface Curves {
  model_id: string;
  chosen_threshold: number;
  roc: { x: Nums; y: Nums };
  pr: { x: Nums; y: Nums };
  calibration: { predicted: Nums; observed: Nums; count: Nums };
  threshold_curve: { threshold: Nums; precision: Nums; recall: Nums; f1: Nums };
  lift: { top_decile_lift: number | null; top_decile_capture: number | null };
}

export interface FieldDoc {
  name: string;
  type: 'number' | 'boolean' | 'category';
  required: boolean;
  unit: string;
  description: string;
  minimum: number | null;
  maximum: number | null;
  values: string[] | null;
  example: number | string | boolean;
}

export interface Driver {
  feature: string;
  text: string;
  contribution: number;
}

export interface Prediction {
  customer_id: string;
  probability: number;
  prediction: 0 | 1;
  risk_bucket: string;
  model_id: string;
  snapshot_date?: string;
  drivers?: { unit: string; up: Driver[]; down: Driver[] };
  action?: { rule: string; action: string; channel: string; offer: string | null; reason: string } | null;
}

export interface JobStatus {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  rowsRead: number;
  rowsScored: number;
  rowsRejected: number;
  bytesTotal: number;
  bytesRead: number;
  progress: number;
  modelId: string | null;
  createdAt: string;
  finishedAt: string | null;
  error: { code: string; message: string } | null;
}
