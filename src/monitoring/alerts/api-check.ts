/** The API check: GET <apiUrl>/health answers 200 with status ok, else an `api_down` incident (resolved once healthy). */
import type { Store } from '../../store/index.js';
import { type AlertOptions, type RaisedAlert, raiseAlert, resolveIncident } from './raise-alert.js';

/** Outcome of one API check. */
export interface ApiCheck {
  url: string;
  healthy: boolean;
  detail: string;
  alert: RaisedAlert | null;
}

/** Pings `${apiUrl}/health` (5 s timeout); a network error, a non-2xx or a `degraded` status is an incident. */
export async function checkApi(store: Store, apiUrl: string, o: AlertOptions = {}): Promise<ApiCheck> {
  const url = `${apiUrl.replace(/\/+$/, '')}/health`;
  let healthy = false;
  let detail: string;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    const body = (await res.json().catch(() => ({}))) as { status?: string };
    healthy = res.ok && body.status === 'ok';
    detail = `HTTP ${res.status}${body.status ? ` status ${body.status}` : ''}`;
  } catch (e) {
    detail = (e as Error).message;
  }
  const incidentKey = `api:${apiUrl}`;
  if (healthy) {
    await resolveIncident(store, incidentKey);
    return { url, healthy, detail, alert: null };
  }
  const alert = await raiseAlert(
    store,
    {
      kind: 'api_down',
      severity: 'critical',
      incidentKey,
      message: `API ${url} is down or degraded: ${detail}`,
      payload: { url, detail },
    },
    o,
  );
  return { url, healthy, detail, alert };
}
