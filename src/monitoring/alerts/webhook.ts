/** Delivery of one alert to a Slack-compatible webhook, retried with exponential back-off. */

export interface WebhookOptions {
  url: string;
  /** Total attempts (≥ 1). */
  attempts: number;
  /** Delay before the 2nd attempt; doubles for each later one. */
  backoffMs: number;
  /** Per-attempt timeout. */
  timeoutMs?: number;
}

export interface Delivery {
  delivered: boolean;
  attempts: number;
  /** Why the last attempt failed, when it did. */
  error: string | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** POSTs `body` as JSON; a 2xx answer is delivered, anything else (status, network error, timeout) is retried. */
export async function postWebhook(body: unknown, o: WebhookOptions): Promise<Delivery> {
  let error: string | null = null;
  for (let attempt = 1; attempt <= o.attempts; attempt++) {
    if (attempt > 1) await sleep(o.backoffMs * 2 ** (attempt - 2));
    try {
      const res = await fetch(o.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(o.timeoutMs ?? 5000),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return { delivered: true, attempts: attempt, error: null };
      error = `HTTP ${res.status}`;
    } catch (e) {
      error = (e as Error).message;
    }
  }
  return { delivered: false, attempts: o.attempts, error };
}
