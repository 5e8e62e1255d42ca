import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listModels, promoteModel } from '../registry/index.js';
import { openStore } from '../store/index.js';
import type { RunningServer } from './server.js';
import { startServer } from './server.js';
import { modelProject } from './testing/model-fixture.test-support.js';
import { legacyRecord } from './testing/records.test-support.js';
import { call, quietLogger, testConfig } from './testing/server.test-support.js';

describe('hot reload under concurrent requests', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const config = testConfig(await modelProject(), { serving: { reloadIntervalMs: 50 } });
    server = await startServer({ config, port: 0, host: '127.0.0.1', demo: true, logger: quietLogger() });
  }, 120_000);
  afterAll(() => server.close());

  it('switches to a model promoted by another process with zero failed requests', async () => {
    const before = server.deps.models.current().id;
    const challenger = (await listModels(server.deps.store, server.deps.config)).find((v) => v.modelId !== before)!.modelId;
    const statuses = new Map<number, number>();
    const seen = new Set<string>();
    let stop = false;
    const client = async () => {
      while (!stop) {
        const r = await call(server, 'POST', '/predict', { json: legacyRecord });
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (typeof r.body.model_id === 'string') seen.add(r.body.model_id);
      }
    };
    const clients = Array.from({ length: 6 }, client);
    await new Promise((r) => setTimeout(r, 150));
    // Promote through the registry only, as `churn models promote` in another process would: the watcher must notice.
    const other = await openStore(server.deps.config.databaseUrl, { baseDir: server.deps.config.projectDir });
    await promoteModel(other, server.deps.config, challenger);
    await other.close();
    for (let i = 0; i < 100 && server.deps.models.current().id !== challenger; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 150));
    stop = true;
    await Promise.all(clients);
    expect(server.deps.models.current().id).toBe(challenger);
    expect([...statuses.keys()]).toEqual([200]);
    expect(seen).toEqual(new Set([before, challenger]));
  });
});

describe('graceful shutdown', () => {
  it('writes every logged prediction before the server stops', async () => {
    const config = testConfig(await modelProject(), { serving: { logFlushMs: 60_000, logBatchRows: 100_000 } });
    const store = await openStore(config.databaseUrl, { baseDir: config.projectDir });
    const server = await startServer({ config, store, port: 0, host: '127.0.0.1', demo: true, logger: quietLogger() });
    const count = async () => Number((await store.all<{ n: number }>('SELECT COUNT(*) AS n FROM predictions'))[0].n);
    const before = await count();
    const requests = Array.from({ length: 40 }, (_, i) =>
      call(server, 'POST', '/predict', { json: { ...legacyRecord, customer_id: `c${i}` } }),
    );
    const batch = call(server, 'POST', '/batch_predict', { json: Array.from({ length: 25 }, () => legacyRecord) });
    const replies = await Promise.all([...requests, batch]);
    expect(replies.map((r) => r.status)).toEqual(Array(41).fill(200));
    expect(server.deps.predictionLog.pending()).toBe(65); // nothing written yet: the flush interval is a minute away
    await server.close();
    expect((await count()) - before).toBe(65);
    const logged = await store.all<{ customer_ref: string | null }>(
      "SELECT customer_ref FROM predictions WHERE source = 'api' ORDER BY prediction_id LIMIT 1",
    );
    expect(logged[0].customer_ref).toMatch(/^[0-9a-f]{16}$/); // pseudonymised, never the raw id
    await store.close();
  }, 60_000);
});
