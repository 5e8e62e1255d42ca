/**
 * The API check: GET <apiUrl>/health must answer 200 with status ok, and the share of 5xx replies since the previous
 * check (from <apiUrl>/metrics) must stay at or below the configured rate. Either failure is one incident per API
 * (`api:<url>`), raised once and resolved when both are fine again.
 */
import type { Store } from '../../store/index.js';
import { saveRun } from '../runs/save-run.js';
import { countersSince, type RequestCounters, requestCounters } from './api-metrics.js';
import { type AlertOptions, type RaisedAlert, raiseAlert, resolveIncident } from './raise-alert.js';

/** Thresholds of the error-rate rule (config monitoring.apiErrorRate / apiMinRequests). */
export interface ApiCheckOptions extends AlertOptions {
  /** 5xx share above which the API is erroring (default 0.05). */
  errorRate?: number;
  /** Requests needed in the interval before the share is judged (default 20). */
  minRequests?: number;
}

/** The traffic the check judged: requests and 5xx replies since the previous check (or since the server started). */
export interface ApiTraffic extends RequestCounters {
  /** 5xx share, null when fewer than `minRequests` requests were served (not judged). */
  errorShare: number | null;
  /** createdAt of the previous check the counters are compared with, null when none (counts since server start). */
  since: string | null;
  /** The cumulative counters read now (the next check's reference). */
  totals: RequestCounters;
}

/** Outcome of one API check. */
export interface ApiCheck {
  url: string;
  healthy: boolean;
  detail: string;
  /** null when /metrics could not be read. */
  traffic: ApiTraffic | null;
  alert: RaisedAlert | null;
}

const base = (apiUrl: string) => apiUrl.replace(/\/+$/, '');

async function health(url: string): Promise<{ ok: boolean; detail: string }> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    const body = (await res.json().catch(() => ({}))) as { status?: string };
    return { ok: res.ok && body.status === 'ok', detail: `HTTP ${res.status}${body.status ? ` status ${body.status}` : ''}` };
  } catch (e) {
    return { ok: false, detail: (e as Error).message };
  }
}

async function metrics(url: string): Promise<RequestCounters | null> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return res.ok ? requestCounters(await res.text()) : null;
  } catch {
    return null;
  }
}

/** The cumulative counters the previous check of this API stored (monitoring_runs kind api_check). */
async function previousCheck(store: Store, url: string): Promise<{ createdAt: string; totals: RequestCounters } | null> {
  const rows = await store.all<{ created_at: string; result_json: string }>(
    "SELECT created_at, result_json FROM monitoring_runs WHERE kind = 'api_check' ORDER BY created_at DESC, run_id DESC LIMIT 20",
  );
  for (const r of rows) {
    const result = JSON.parse(r.result_json) as { url?: string; traffic?: { totals?: RequestCounters } | null };
    if (result.url === url && result.traffic?.totals) return { createdAt: r.created_at, totals: result.traffic.totals };
  }
  return null;
}

/**
 * Pings `${apiUrl}/health` and reads `${apiUrl}/metrics` (5 s timeouts each). Unhealthy when /health fails (network
 * error, non-2xx, `degraded`) — kind `api_down` — or when more than `errorRate` of at least `minRequests` requests
 * since the previous check were 5xx — kind `api_errors`. Every check is stored (kind `api_check`) for the next one.
 */
export async function checkApi(store: Store, apiUrl: string, o: ApiCheckOptions = {}): Promise<ApiCheck> {
  const errorRate = o.errorRate ?? 0.05;
  const minRequests = o.minRequests ?? 20;
  const url = `${base(apiUrl)}/health`;
  const [h, totals] = await Promise.all([health(url), metrics(`${base(apiUrl)}/metrics`)]);
  let traffic: ApiTraffic | null = null;
  if (totals !== null) {
    const previous = await previousCheck(store, url);
    const window = countersSince(totals, previous?.totals ?? null);
    traffic = {
      ...window,
      errorShare: window.requests >= minRequests ? window.serverErrors / window.requests : null,
      since: previous?.createdAt ?? null,
      totals,
    };
  }
  const erroring = traffic?.errorShare != null && traffic.errorShare > errorRate;
  const healthy = h.ok && !erroring;
  const share = traffic?.errorShare != null ? `${(traffic.errorShare * 100).toFixed(1)} % 5xx of ${traffic.requests}` : null;
  const detail = [h.detail, share ?? (traffic ? `${traffic.requests} requests (too few to judge)` : 'metrics unreadable')].join(
    '; ',
  );
  await saveRun(
    store,
    {
      kind: 'api_check',
      modelId: null,
      at: null,
      verdict: healthy ? 'healthy' : 'unhealthy',
      result: { url, healthy, detail, traffic },
    },
    null,
    o.now?.() ?? new Date(),
  );
  const incidentKey = `api:${apiUrl}`;
  if (healthy) {
    await resolveIncident(store, incidentKey);
    return { url, healthy, detail, traffic, alert: null };
  }
  const alert = await raiseAlert(
    store,
    h.ok
      ? {
          kind: 'api_errors',
          severity: 'critical',
          incidentKey,
          message: `API ${base(apiUrl)} is erroring: ${share} requests since ${traffic?.since ?? 'the server started'} (> ${errorRate * 100} %)`,
          payload: { url, detail, traffic, errorRate },
        }
      : {
          kind: 'api_down',
          severity: 'critical',
          incidentKey,
          message: `API ${url} is down or degraded: ${h.detail}`,
          payload: { url, detail },
        },
    o,
  );
  return { url, healthy, detail, traffic, alert };
}
