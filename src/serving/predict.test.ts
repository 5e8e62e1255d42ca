import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './server.js';
import { modelProject } from './testing/model-fixture.test-support.js';
import { legacyRecord } from './testing/records.test-support.js';
import { call, serve, testConfig } from './testing/server.test-support.js';

describe('prediction routes on a real trained model', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve(testConfig(await modelProject()), { demo: true });
  }, 120_000);
  afterAll(() => server.close());

  it('scores the original system fields with drivers and an action', async () => {
    const r = await call(server, 'POST', '/predict', { json: legacyRecord });
    expect(r.status, r.text).toBe(200);
    const b = r.body as {
      probability: number;
      prediction: number;
      risk_bucket: string;
      model_id: string;
      drivers: { up: unknown[] };
      customer_id: string;
    };
    expect(b.customer_id).toBe('crm-42');
    expect(b.probability).toBeGreaterThan(0);
    expect(b.probability).toBeLessThan(1);
    expect(['Low', 'Medium', 'High', 'Very High']).toContain(b.risk_bucket);
    expect(b.model_id).toBe(server.deps.models.current().id);
    expect(b.drivers.up.length + (b.drivers as unknown as { down: unknown[] }).down.length).toBeGreaterThan(0);
    expect(r.body).toHaveProperty('action');
  });

  it('gives the same probability as the scorer library for the same record', async () => {
    const r = await call(server, 'POST', '/predict?explain=false', { json: legacyRecord });
    const { gender: _g, ...rest } = legacyRecord;
    const direct = server.deps.models.current().scorer.scoreRecords([rest]).probability[0];
    expect(r.body.probability).toBe(direct);
    expect(r.body).not.toHaveProperty('drivers');
  });

  it('answers a repeated record from the score cache with the same reply, logged again with its features', async () => {
    const record = { ...legacyRecord, customer_id: 'repeat-1', age: 51 };
    await server.deps.predictionLog.flush(); // rows of earlier tests still buffered
    const before = await server.deps.store.all('SELECT input_hash FROM predictions');
    const plain = await call(server, 'POST', '/predict?explain=false', { json: record });
    const plainAgain = await call(server, 'POST', '/predict?explain=false', { json: record });
    expect(plainAgain.text).toBe(plain.text);
    expect(plain.body).not.toHaveProperty('index');
    // A plain entry does not stand in for an explanation: the explained reply has drivers and the same probability.
    const explained = await call(server, 'POST', '/predict', { json: record });
    expect(explained.body).toHaveProperty('drivers');
    expect(explained.body.probability).toBe(plain.body.probability);
    const explainedAgain = await call(server, 'POST', '/predict', { json: record });
    expect(explainedAgain.text).toBe(explained.text);
    expect((await call(server, 'POST', '/predict?explain=false', { json: record })).text).toBe(plain.text);
    await server.deps.predictionLog.flush();
    const rows = await server.deps.store.all<{ input_hash: string; features_json: string; customer_ref: string }>(
      'SELECT input_hash, features_json, customer_ref FROM predictions',
    );
    const mine = rows.slice(before.length);
    expect(mine).toHaveLength(5);
    expect(new Set(mine.map((r) => r.input_hash)).size).toBe(1);
    expect(new Set(mine.map((r) => r.features_json)).size).toBe(1);
    expect(JSON.parse(mine[0].features_json)).toMatchObject({ age: 51 });
    expect(mine[0].customer_ref).not.toContain('repeat-1');
  });

  it('names cached id-less records by their position in each batch', async () => {
    const { customer_id: _id, ...anonymous } = legacyRecord;
    expect((await call(server, 'POST', '/predict?explain=false', { json: anonymous })).body.customer_id).toBe('record-0');
    const r = await call(server, 'POST', '/batch_predict', { json: [{ ...legacyRecord, age: 'x' }, legacyRecord, anonymous] });
    const preds = r.body.predictions as { index: number; customer_id?: string; probability?: number }[];
    expect(preds.map((p) => p.customer_id)).toEqual([undefined, 'crm-42', 'record-2']);
    expect(preds[2].probability).toBeGreaterThan(0);
  });

  it('scores a stored customer by id from the newest snapshot and serves the repeat from the cache', async () => {
    const at = server.deps.models.current();
    const some = await server.deps.store.all<{ customer_id: string }>(
      'SELECT customer_id FROM subscriptions WHERE end_date IS NULL ORDER BY customer_id LIMIT 1',
    );
    const id = some[0].customer_id;
    const a = await call(server, 'POST', '/predict', { json: { customer_id: id } });
    expect(a.status, a.text).toBe(200);
    expect(a.body).toMatchObject({ customer_id: id, model_id: at.id });
    expect(typeof a.body.snapshot_date).toBe('string');
    const again = await server.deps.core.customers.predict(id);
    expect(again.cached).toBe(true);
    const b = await call(server, 'GET', `/customers/${id}`);
    expect(b.body).toEqual(a.body);
  });

  it('answers 404 for a customer that is not in the newest snapshot', async () => {
    const r = await call(server, 'GET', '/customers/no-such-customer');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('CHURN_ERR_NOT_FOUND');
  });

  it('scores a batch in order, reports bad rows with their index and summarises by risk bucket', async () => {
    const rows = [
      legacyRecord,
      { ...legacyRecord, age: 'old' },
      { ...legacyRecord, customer_id: 'b', total_crashes_30d: 0 },
      { nope: 1 },
    ];
    const r = await call(server, 'POST', '/batch_predict', { json: rows });
    expect(r.status, r.text).toBe(200);
    const preds = r.body.predictions as { index: number; customer_id?: string; error?: { field: string; row: number } }[];
    expect(preds.map((p) => p.index)).toEqual([0, 1, 2, 3]);
    expect(preds[1].error).toMatchObject({ field: 'age', row: 1 });
    expect(preds[3].error).toMatchObject({ field: 'nope', rule: 'unknown field', row: 3 });
    expect(preds[2].customer_id).toBe('b');
    const summary = r.body.summary as { total: number; scored: number; rejected: number; by_risk_bucket: Record<string, number> };
    expect(summary).toMatchObject({ total: 4, scored: 2, rejected: 2 });
    expect(Object.values(summary.by_risk_bucket).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('fails the whole batch on the first bad row with strict=true', async () => {
    const r = await call(server, 'POST', '/batch_predict?strict=true', {
      json: [legacyRecord, { ...legacyRecord, monthly_price: -5 }],
    });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('CHURN_ERR_VALIDATION');
    expect(r.body.errors).toEqual([expect.objectContaining({ field: 'monthly_price', row: 1 })]);
  });

  it('refuses a batch above the cap with 413', async () => {
    const rows = Array.from({ length: 10_001 }, () => ({ age: 30 }));
    const r = await call(server, 'POST', '/batch_predict', { json: rows });
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('CHURN_ERR_PAYLOAD_TOO_LARGE');
  });

  it('documents every accepted field with type, range and example', async () => {
    const r = await call(server, 'GET', '/predict/schema');
    const fields = r.body.fields as { name: string; type: string; minimum: number | null; values: string[] | null }[];
    const byName = new Map(fields.map((f) => [f.name, f]));
    expect(byName.get('monthly_price')).toMatchObject({ type: 'number', minimum: 0 });
    expect(byName.get('plan_type')?.values?.length).toBeGreaterThan(1);
  });

  it('names the field and rule of a bad /predict body', async () => {
    const extra = await call(server, 'POST', '/predict', { json: { ...legacyRecord, favourite_colour: 'red' } });
    expect(extra.status).toBe(422);
    expect(extra.body.errors).toEqual([expect.objectContaining({ field: 'favourite_colour', rule: 'unknown field' })]);
    const range = await call(server, 'POST', '/predict', { json: { ...legacyRecord, age: 400 } });
    expect(range.status).toBe(422);
    expect((range.body.errors as { field: string }[])[0].field).toBe('age');
    const badJson = await call(server, 'POST', '/predict', {
      raw: '{"age": NaN}',
      headers: { 'content-type': 'application/json' },
    });
    expect(badJson.status).toBe(400);
    expect(badJson.type).toContain('application/problem+json');
    const media = await call(server, 'POST', '/predict', { raw: 'age=3', headers: { 'content-type': 'text/plain' } });
    expect(media.status).toBe(415);
    expect(media.body.code).toBe('CHURN_ERR_MEDIA_TYPE');
  });
});
