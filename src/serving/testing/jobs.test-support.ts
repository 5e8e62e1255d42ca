/** Helpers of the job tests: a CSV of the original system's columns, upload, and waiting for a job to finish. */
import type { RunningServer } from '../server.js';

const header =
  'customer_id,age,gender,region,device_type,acquisition_channel,plan_type,monthly_price,auto_renew,total_sessions_30d,failed_payments_30d,support_tickets_30d';

/** `n` rows; every `badEvery`-th row has a negative price (rejected with its line). */
export function legacyCsv(n: number, badEvery = 0): string {
  const lines = [header];
  for (let i = 0; i < n; i++) {
    const price = badEvery > 0 && i % badEvery === badEvery - 1 ? -1 : 5 + (i % 20);
    lines.push(
      `c${i},${20 + (i % 50)},female,north,Android,Organic,${['Basic', 'Standard', 'Premium'][i % 3]},${price},${i % 2},${i % 40},${i % 3},${i % 4}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** POSTs a CSV as multipart field `file`. */
export async function uploadCsv(server: RunningServer, csv: string, key?: string): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'customers.csv');
  return fetch(`${server.url}/jobs/score`, { method: 'POST', body: form, headers: key ? { 'x-api-key': key } : {} });
}

/** Polls GET /jobs/:id until done or failed (at most `tries` × 100 ms). */
export async function waitForJob(server: RunningServer, id: string, tries = 300): Promise<Record<string, unknown>> {
  for (let i = 0; i < tries; i++) {
    const s = (await (await fetch(`${server.url}/jobs/${id}`)).json()) as Record<string, unknown>;
    if (s.state === 'done' || s.state === 'failed') return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish`);
}
