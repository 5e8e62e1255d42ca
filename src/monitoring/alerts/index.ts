export { type ApiCheck, type ApiCheckOptions, type ApiTraffic, checkApi } from './api-check.js';
export { countersSince, type RequestCounters, requestCounters } from './api-metrics.js';
export { alertOnDrift, driftIncident } from './drift-alerts.js';
export {
  type AlertInput,
  type AlertKind,
  type AlertOptions,
  type AlertSeverity,
  type RaisedAlert,
  raiseAlert,
  recentAlerts,
  resolveIncident,
  slackBody,
} from './raise-alert.js';
export { type Delivery, postWebhook, type WebhookOptions } from './webhook.js';
