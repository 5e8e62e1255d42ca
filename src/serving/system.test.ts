import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './server.js';
import { call, serve, testConfig } from './testing/server.test-support.js';

describe('a server without a model', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve(testConfig(), { demo: true });
  });
  afterAll(() => server.close());

  it('answers /health as degraded with no model and a reachable store', async () => {
    const res = await call(server, 'GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'degraded', model: null, store: 'ok', demo: true });
  });

  it('is not ready (503 CHURN_ERR_NO_MODEL) until a model is promoted', async () => {
    const res = await call(server, 'GET', '/ready');
    expect(res.status).toBe(503);
    expect(res.type).toContain('application/problem+json');
    expect(res.body.code).toBe('CHURN_ERR_NO_MODEL');
  });

  it('answers an unknown path with a 404 problem and a wrong method with 405 + Allow', async () => {
    const a = await fetch(`${server.url}/nope`);
    expect(a.status).toBe(404);
    expect(JSON.parse(await a.text())).toMatchObject({ code: 'CHURN_ERR_NOT_FOUND', status: 404, instance: '/nope' });
    const b = await fetch(`${server.url}/health`, { method: 'DELETE' });
    expect(b.status).toBe(405);
    expect(b.headers.get('allow')).toContain('GET');
    expect(JSON.parse(await b.text()).code).toBe('CHURN_ERR_METHOD');
  });

  it('serves the OpenAPI document with the Problem schema listing every code', async () => {
    const doc = (await call(server, 'GET', '/openapi.json')).body as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: { Problem: { properties: { code: { enum: string[] } } } } };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas.Problem.properties.code.enum).toContain('CHURN_ERR_RATE_LIMIT');
    expect(Object.keys(doc.paths)).toContain('/health');
    const ui = await fetch(`${server.url}/docs/`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).not.toContain('cdn');
  });

  it('exposes Prometheus metrics', async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toContain('churn_http_request_duration_seconds_bucket');
  });
});
