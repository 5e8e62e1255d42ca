import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../server.js';
import { modelProject } from '../testing/model-fixture.test-support.js';
import { legacyRecord } from '../testing/records.test-support.js';
import { serve, testConfig } from '../testing/server.test-support.js';
import { coalescedPredict } from './coalesce.js';

describe('coalesced /predict', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve(testConfig(await modelProject()), { demo: true });
  }, 120_000);
  afterAll(() => server.close());

  const { gender: _g, customer_id: _id, ...features } = legacyRecord;
  const record = (i: number) => ({ ...features, customer_id: `co-${i}`, age: 20 + i, total_sessions_30d: i % 7 });

  it('gives every caller of one event-loop turn the prediction of its own record', async () => {
    const predict = coalescedPredict(server.deps);
    const scorer = server.deps.models.current().scorer;
    const together = await Promise.all(Array.from({ length: 12 }, (_, i) => predict(record(i), i % 2 === 0, `req-${i}`)));
    const direct = scorer.scoreRecords(Array.from({ length: 12 }, (_, i) => record(i))).probability;
    together.forEach((p, i) => {
      expect(p.customer_id).toBe(`co-${i}`);
      expect(Object.is(p.probability, direct[i])).toBe(true);
      expect(p.drivers === undefined).toBe(i % 2 === 1);
    });
    const alone = await predict(record(3), false, 'req-alone');
    expect(alone.probability).toBe(together[3].probability);
  });

  it('fails only the bad record, naming row 0 and its field; an id-less record is record-0', async () => {
    const predict = coalescedPredict(server.deps);
    const [good, bad, anonymous] = await Promise.allSettled([
      predict(record(40), true, 'a'),
      predict({ ...record(41), age: 400 }, true, 'b'),
      predict(features, true, 'c'),
    ]);
    expect(good.status).toBe('fulfilled');
    expect(bad).toMatchObject({
      status: 'rejected',
      reason: { code: 'CHURN_ERR_VALIDATION', context: { errors: [expect.objectContaining({ field: 'age', row: 0 })] } },
    });
    expect((bad as PromiseRejectedResult).reason.message).toMatch(/^row 0: /);
    expect(anonymous).toMatchObject({ status: 'fulfilled', value: { customer_id: 'record-0' } });
  });

  it('logs each concurrent HTTP request under its own request id', async () => {
    await server.deps.predictionLog.flush();
    const before = (await server.deps.store.all('SELECT request_id FROM predictions')).length;
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        server.app.inject({ method: 'POST', url: '/predict?explain=false', payload: record(100 + i) }),
      ),
    );
    expect(replies.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(replies.map((r) => r.json().customer_id)).toEqual(Array.from({ length: 10 }, (_, i) => `co-${100 + i}`));
    await server.deps.predictionLog.flush();
    const rows = (await server.deps.store.all<{ request_id: string }>('SELECT request_id FROM predictions')).slice(before);
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((r) => r.request_id)).size).toBe(10);
  });
});
