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

/** One group of scored customers in GET /kpis (src/bi/kpis.ts GroupKpis). */
export interface GroupKpis {
  group: string;
  customers: number;
  predictedChurnRate: number;
  flagged: number;
  monthlyRevenue: number;
  revenueAtRiskMonthly: number;
  meanClv: number | null;
}

/** GET /kpis: the newest scored batch (src/bi/kpis.ts ChurnKpis). */
export interface Kpis {
  snapshotDate: string;
  modelId: string;
  total: GroupKpis;
  revenueAtRiskAnnualised: number;
  realised: {
    cohortDate: string;
    horizonDays: number;
    customers: number;
    subscriptionChurnRate: number;
    usageChurnRate: number;
  } | null;
  byRiskBucket: GroupKpis[];
  byPlan: GroupKpis[];
  byBillingCycle: GroupKpis[];
}

export type DriftClass = 'stable' | 'moderate' | 'drift';
/** One bin of a PSI comparison: shares at training (expected) and now (actual). */
export interface PsiBin {
  label: string;
  expected: number;
  actual: number;
}
export interface PsiResult {
  psi: number;
  bins: PsiBin[];
  rows: number;
}

/** GET /drift: the latest drift run (src/monitoring/runs/drift-report.ts DriftReport + run id and time). */
export interface DriftRun {
  run_id: string;
  created_at: string;
  modelId: string;
  at: string;
  rows: number;
  epsilon: number;
  thresholds: { moderate: number; drift: number; datasetShare: number };
  verdict: {
    dataset: DriftClass;
    score: { feature: string; psi: number; class: DriftClass };
    features: { feature: string; psi: number; class: DriftClass }[];
    drifted: string[];
    reason: string;
  };
  score: PsiResult;
  features: (PsiResult & { feature: string; kind: 'numeric' | 'categorical' })[];
  /** The batch of logged predictions compared (`churn monitor --batch`), or null for a snapshot run. */
  batch?: { from: string | null; to: string | null; source: string | null; first: string; last: string } | null;
}

/** One scored cohort of GET /performance (src/monitoring/runs/performance.ts CohortPerformance). */
export type CohortPerformance =
  | {
      modelId: string;
      snapshotDate: string;
      status: 'mature';
      customers: number;
      churned: number;
      rocAuc: number | null;
      precision: number | null;
      recall: number | null;
      f1: number | null;
      accuracy: number;
    }
  | { modelId: string; snapshotDate: string; status: 'pending'; customers: number; labelsMatureOn: string };

/** GET /performance. */
export interface Performance {
  cohorts: CohortPerformance[];
}

/** GET /alerts (src/monitoring/alerts/raise-alert.ts recentAlerts). */
export interface Alerts {
  alerts: {
    alertId: string;
    createdAt: string;
    kind: string;
    severity: 'warning' | 'critical';
    incidentKey: string;
    message: string;
    delivered: boolean;
    deliveryAttempts: number;
    resolvedAt: string | null;
  }[];
}

/** One segment of GET /segments (src/insights/segments/segment-snapshot.ts SegmentProfile). */
export interface SegmentProfile {
  id: number;
  name: string;
  size: number;
  share: number;
  churn_rate: number | null;
  monthly_revenue: number;
  revenue: number;
  mean_features: Record<string, number>;
  centroid: Record<string, number>;
  traits: string[];
  rationale: string;
}

/** GET /segments: the newest segmentation run (SegmentSummary). */
export interface Segments {
  run_id: string;
  created_at: string;
  snapshot_date: string;
  k: number;
  seed: number;
  customers: number;
  features: string[];
  churn_rate_source: 'realised' | 'predicted' | 'unknown';
  report: { k: number; inertia: number; silhouette: number | null }[];
  segments: SegmentProfile[];
}

/** One line of GET /retention (src/insights/retention/stored-campaign.ts StoredCampaignLine). */
export interface CampaignLine {
  rank: number;
  customer_id: string;
  risk_bucket: string;
  probability: number;
  clv: number;
  action: string;
  channel: string;
  offer: string | null;
  rule_id: string;
  reason: string;
  because: string[];
  expected_uplift: number;
  expected_saved_revenue: number;
  cost: number;
  expected_net_value: number;
  selected: boolean;
  not_selected_because: 'negative_net_value' | 'budget' | null;
}

/** GET /retention?budget=N: the ranked campaign (first `limit` lines of `lines_total`), totals over the selected lines. */
export interface Campaign {
  model_id: string;
  snapshot_date: string;
  budget: number | null;
  lines: CampaignLine[];
  lines_total: number;
  totals: { customers: number; cost: number; expected_saved_revenue: number; expected_net_value: number };
  without_action: number;
  unknown_rule: string[];
}

/** One group of GET /analytics/churn-by (src/insights/analytics/churn-by.ts ChurnGroup). */
export interface ChurnGroup {
  group: string;
  customers: number;
  predicted_churn_rate: number;
  realised_churn_rate: number | null;
  realised_customers: number;
  monthly_revenue: number;
  revenue_at_risk: number;
}

/** GET /analytics/churn-by?dimension=… */
export interface ChurnBy {
  dimension: string;
  model_id: string;
  snapshot_date: string;
  realised_cutoff: string | null;
  horizon_days: number;
  groups: ChurnGroup[];
}

/** One importance list: how it was measured, where it comes from, per business feature. */
export interface ImportanceTable {
  method: string;
  origin: 'artifact' | 'model' | 'scored rows';
  values: { feature: string; value: number }[];
}

/** GET /importance (src/serving/routes/insights/importance.ts ImportanceReply): `features` is the primary method's list. */
export interface Importance {
  model_id: string;
  primary: string;
  features: { feature: string; value: number }[];
  methods: ImportanceTable[];
}
