/**
 * Bad-input campaign: ≥ 10,000 malformed requests of 18 kinds against a real server on 127.0.0.1 (in this process).
 * Pass = zero 5xx, every reply a 4xx problem+json with a catalogue code, /health still ok, memory flat.
 * Run: npx tsx bench/bad-input.ts [requests=10000]
 */
import { runCampaign } from '../src/serving/testing/bad-requests.js';
import { modelProject } from '../src/serving/testing/model-fixture.test-support.js';
import { serve, testConfig } from '../src/serving/testing/server.test-support.js';

const n = Number(process.argv[2] ?? 10_000);
const bodyLimit = 64 * 1024;
const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
const gc = (globalThis as { gc?: () => void }).gc;

const server = await serve(
  testConfig(await modelProject(), { serving: { bodyLimitBytes: bodyLimit, rateLimit: { max: 1_000_000, windowMs: 60_000 } } }),
  { demo: true },
);
const memory: { after: number; rss: number; heap: number }[] = [];
const sample = (after: number) => {
  gc?.();
  memory.push({ after, rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed });
};
await runCampaign(server.url, 1000, { seed: 99, concurrency: 8, bodyLimit }); // warm-up (JIT, caches)
sample(0);
const rounds = 4;
let failures = 0;
const byStatus: Record<number, number> = {};
const started = Date.now();
for (let k = 0; k < rounds; k++) {
  const r = await runCampaign(server.url, Math.ceil(n / rounds), { seed: k + 1, concurrency: 16, bodyLimit });
  failures += r.failureCount;
  for (const [s, c] of Object.entries(r.byStatus)) byStatus[Number(s)] = (byStatus[Number(s)] ?? 0) + c;
  if (r.failures.length > 0) console.log('failures:', r.failures.slice(0, 5));
  sample(Math.ceil(n / rounds) * (k + 1));
}
const seconds = (Date.now() - started) / 1000;
const health = (await (await fetch(`${server.url}/health`)).json()) as { status: string };
await server.close();

const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
console.log(`requests: ${total} in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} req/s)`);
console.log('by status:', JSON.stringify(byStatus));
console.log(
  `5xx: ${Object.entries(byStatus)
    .filter(([s]) => Number(s) >= 500)
    .reduce((a, [, c]) => a + c, 0)}; not problem+json/4xx: ${failures}`,
);
console.log(`/health afterwards: ${health.status}`);
console.log(
  'memory (after requests: RSS MB / heap MB):',
  memory.map((m) => `${m.after}: ${mb(m.rss)} / ${mb(m.heap)}`).join('; '),
);
const growth = memory.at(-1)!.heap / memory[0].heap - 1;
console.log(
  `heap growth first → last sample: ${(100 * growth).toFixed(1)}% ${gc ? '(after gc)' : '(run with node --expose-gc for gc before samples)'}`,
);
