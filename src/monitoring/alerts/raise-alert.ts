/** Raising an alert: one row per incident in `alerts`, a log line, and a webhook post — de-duplicated by incident key. */
import { createHash } from 'node:crypto';
import type { Store } from '../../store/index.js';
import { type Delivery, postWebhook } from './webhook.js';

export type AlertKind = 'feature_drift' | 'score_drift' | 'low_accuracy' | 'api_down' | 'api_errors';
export type AlertSeverity = 'warning' | 'critical';

export interface AlertInput {
  kind: AlertKind;
  severity: AlertSeverity;
  /** Identifies the incident: while an alert with this key is unresolved, raising it again does nothing. */
  incidentKey: string;
  message: string;
  payload: Record<string, unknown>;
}

export interface AlertOptions {
  webhookUrl?: string;
  webhookAttempts?: number;
  webhookBackoffMs?: number;
  /** Where the log line goes (default stderr). */
  log?: (line: string) => void;
  now?: () => Date;
}

export interface RaisedAlert {
  alertId: string;
  deduplicated: boolean;
  delivery: Delivery | null;
}

/** Slack-compatible body: `text` for any receiver, one section block for Slack's layout. */
export function slackBody(a: AlertInput): { text: string; blocks: unknown[] } {
  const icon = a.severity === 'critical' ? ':rotating_light:' : ':warning:';
  const text = `${icon} churnlab ${a.kind.replace('_', ' ')}: ${a.message}`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** Raises `a` unless an unresolved alert with the same incident key exists; delivers it to the webhook if configured. */
export async function raiseAlert(store: Store, a: AlertInput, o: AlertOptions = {}): Promise<RaisedAlert> {
  const open = await store.all<{ alert_id: string }>(
    'SELECT alert_id FROM alerts WHERE incident_key = ? AND resolved_at IS NULL ORDER BY created_at LIMIT 1',
    [a.incidentKey],
  );
  if (open.length) return { alertId: open[0].alert_id, deduplicated: true, delivery: null };
  const createdAt = (o.now?.() ?? new Date()).toISOString();
  const alertId = `a-${createHash('sha256').update(`${a.incidentKey}\n${createdAt}`).digest('hex').slice(0, 16)}`;
  await store.run(
    'INSERT INTO alerts (alert_id, created_at, kind, severity, incident_key, message, payload_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [alertId, createdAt, a.kind, a.severity, a.incidentKey, a.message, JSON.stringify(a.payload)],
  );
  (o.log ?? ((l: string) => process.stderr.write(`${l}\n`)))(`alert ${a.severity} ${a.kind} [${a.incidentKey}]: ${a.message}`);
  let delivery: Delivery | null = null;
  if (o.webhookUrl) {
    delivery = await postWebhook(slackBody(a), {
      url: o.webhookUrl,
      attempts: o.webhookAttempts ?? 4,
      backoffMs: o.webhookBackoffMs ?? 500,
    });
    await store.run('UPDATE alerts SET delivered = ?, delivery_attempts = ? WHERE alert_id = ?', [
      delivery.delivered ? 1 : 0,
      delivery.attempts,
      alertId,
    ]);
  }
  return { alertId, deduplicated: false, delivery };
}

/** Closes the open incident with this key (the next occurrence raises a new alert); returns alerts resolved. */
export async function resolveIncident(store: Store, incidentKey: string, now = new Date()): Promise<number> {
  return store.run('UPDATE alerts SET resolved_at = ? WHERE incident_key = ? AND resolved_at IS NULL', [
    now.toISOString(),
    incidentKey,
  ]);
}

/** The most recent alerts, newest first. */
export async function recentAlerts(store: Store, limit = 50) {
  const rows = await store.all<{
    alert_id: string;
    created_at: string;
    kind: string;
    severity: string;
    incident_key: string;
    message: string;
    delivered: number;
    delivery_attempts: number;
    resolved_at: string | null;
  }>(
    'SELECT alert_id, created_at, kind, severity, incident_key, message, delivered, delivery_attempts, resolved_at FROM alerts ORDER BY created_at DESC, alert_id LIMIT ?',
    [limit],
  );
  return rows.map((r) => ({
    alertId: r.alert_id,
    createdAt: r.created_at,
    kind: r.kind,
    severity: r.severity,
    incidentKey: r.incident_key,
    message: r.message,
    delivered: Number(r.delivered) === 1,
    deliveryAttempts: Number(r.delivery_attempts),
    resolvedAt: r.resolved_at,
  }));
}
