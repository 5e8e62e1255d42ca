import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './server.js';
import { call, serve, testConfig } from './testing/server.test-support.js';

describe('the web app served at /', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const web = mkdtempSync(path.join(tmpdir(), 'churn-web-'));
    mkdirSync(path.join(web, 'assets'));
    writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>churnlab</title>');
    writeFileSync(path.join(web, 'assets', 'app.js'), 'console.log(1)');
    server = await serve(testConfig(), { webDir: web }); // keys required: the page and its files stay public
  });
  afterAll(() => server.close());

  it('serves index.html and assets without a key', async () => {
    const index = await call(server, 'GET', '/', { headers: { accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(index.text).toContain('<title>churnlab</title>');
    const js = await call(server, 'GET', '/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.type).toContain('javascript');
  });

  it('falls back to index.html for unknown pages asked for as HTML, and never for JSON clients', async () => {
    const page = await call(server, 'GET', '/customers-page/42', { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('churnlab');
    const api = await call(server, 'GET', '/customers-page/42', { headers: { accept: 'application/json' } });
    expect(api.status).toBe(404);
    expect(api.type).toContain('application/problem+json');
    const route = await call(server, 'GET', '/model', { headers: { accept: 'text/html' } });
    expect(route.status).toBe(401); // a JSON route stays a JSON route
  });

  it('sends secure headers', async () => {
    const r = await call(server, 'GET', '/health');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });
});
