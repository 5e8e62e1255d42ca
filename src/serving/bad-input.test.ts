import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './server.js';
import { runCampaign } from './testing/bad-requests.js';
import { modelProject } from './testing/model-fixture.test-support.js';
import { call, serve, testConfig } from './testing/server.test-support.js';

describe('bad-input campaign (500 malformed requests)', () => {
  let server: RunningServer;
  const bodyLimit = 64 * 1024;
  beforeAll(async () => {
    server = await serve(testConfig(await modelProject(), { serving: { bodyLimitBytes: bodyLimit } }), { demo: true });
  }, 120_000);
  afterAll(() => server.close());

  it('answers every one with a 4xx problem+json carrying a catalogue code, and /health still answers', async () => {
    const result = await runCampaign(server.url, 500, { seed: 3, concurrency: 4, bodyLimit });
    expect(result.failures).toEqual([]);
    expect(result.requests).toBe(500);
    expect(Object.keys(result.byStatus).every((s) => Number(s) >= 400 && Number(s) < 500)).toBe(true);
    expect((await call(server, 'GET', '/health')).body.status).toBe('ok');
  });
});
