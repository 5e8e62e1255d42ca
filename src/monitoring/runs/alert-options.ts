/** Alert delivery options from the `monitoring` config section. */
import type { LoadedConfig } from '../../config/index.js';
import type { AlertOptions } from '../alerts/index.js';

/** Webhook URL (empty = none), attempts and back-off as configured; `log` overrides where the log line goes. */
export function alertOptionsOf(config: LoadedConfig, log?: (line: string) => void): AlertOptions {
  const m = config.monitoring;
  return { webhookUrl: m.webhookUrl || undefined, webhookAttempts: m.webhookAttempts, webhookBackoffMs: m.webhookBackoffMs, log };
}
