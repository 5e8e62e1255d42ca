/** Reading the API's request counters from its Prometheus `/metrics` page: requests and 5xx replies, probes excluded. */

/** Cumulative counters since the server started. */
export interface RequestCounters {
  requests: number;
  serverErrors: number;
}

/** The latency histogram's `_count` series is one counter per (method, route, status). */
const countLine = /^churn_http_request_duration_seconds_count\{([^}]*)\}\s+(\S+)/;
const label = /(\w+)="((?:[^"\\]|\\.)*)"/g;
/** Load balancers and this monitor call them: they say nothing about the traffic the API serves. */
const probes = new Set(['/health', '/ready', '/metrics']);

/** Sums the request counters of a Prometheus text page; null when the page has no request series at all. */
export function requestCounters(text: string): RequestCounters | null {
  let seen = false;
  let requests = 0;
  let serverErrors = 0;
  for (const line of text.split('\n')) {
    const m = countLine.exec(line);
    if (!m) continue;
    seen = true;
    const labels = new Map([...m[1].matchAll(label)].map((l) => [l[1], l[2]]));
    if (probes.has(labels.get('route') ?? '')) continue;
    const n = Number(m[2]);
    if (!Number.isFinite(n)) continue;
    requests += n;
    if ((labels.get('status') ?? '').startsWith('5')) serverErrors += n;
  }
  return seen ? { requests, serverErrors } : null;
}

/**
 * The traffic between two samples. A counter that went down means the server restarted: its counts since the restart
 * are the whole interval (what was served before the restart is lost with the process).
 */
export function countersSince(now: RequestCounters, before: RequestCounters | null): RequestCounters {
  if (before === null || now.requests < before.requests || now.serverErrors < before.serverErrors) return now;
  return { requests: now.requests - before.requests, serverErrors: now.serverErrors - before.serverErrors };
}
