import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../../test/helpers/stores.js';
import { raiseAlert, recentAlerts, resolveIncident } from './index.js';

/** A webhook receiver on 127.0.0.1 that fails the first `failFirst` posts with 503, then records bodies. */
function receiver(failFirst = 0) {
  const bodies: unknown[] = [];
  let calls = 0;
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      calls++;
      if (calls <= failFirst) {
        res.writeHead(503).end();
        return;
      }
      bodies.push(JSON.parse(data));
      res.writeHead(200).end('ok');
    });
  });
  return {
    bodies,
    calls: () => calls,
    start: () =>
      new Promise<string>((r) =>
        server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`)),
      ),
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const drift = {
  kind: 'feature_drift' as const,
  severity: 'warning' as const,
  incidentKey: 'drift:m-1:total_crashes_30d',
  message: 'total_crashes_30d drifted (PSI 0.91 > 0.2)',
  payload: { psi: 0.91 },
};

afterAll(closeAllStores);

describe.each(engines)('alerts on $name', ({ open }) => {
  const hook = receiver(2);
  let url = '';
  beforeAll(async () => {
    url = await hook.start();
  });
  afterAll(() => hook.stop());

  it('records one alert per incident, posts it once after retrying a failing webhook, and re-alerts only after resolution', async () => {
    const store = await open();
    const lines: string[] = [];
    const o = { webhookUrl: url, webhookAttempts: 4, webhookBackoffMs: 5, log: (l: string) => lines.push(l) };
    const first = await raiseAlert(store, drift, o);
    expect(first.deduplicated).toBe(false);
    expect(first.delivery).toEqual({ delivered: true, attempts: 3, error: null });
    expect(hook.calls()).toBe(3);
    expect(hook.bodies).toEqual([expect.objectContaining({ text: expect.stringContaining('total_crashes_30d drifted') })]);
    expect(lines).toEqual([
      'alert warning feature_drift [drift:m-1:total_crashes_30d]: total_crashes_30d drifted (PSI 0.91 > 0.2)',
    ]);

    const again = await raiseAlert(store, drift, o);
    expect(again).toEqual({ alertId: first.alertId, deduplicated: true, delivery: null });
    expect(hook.calls()).toBe(3);

    expect(await resolveIncident(store, drift.incidentKey)).toBe(1);
    const reopened = await raiseAlert(store, drift, { ...o, now: () => new Date('2030-01-01T00:00:00Z') });
    expect(reopened.deduplicated).toBe(false);
    const recent = await recentAlerts(store);
    expect(recent.map((r) => [r.alertId === reopened.alertId, r.delivered, r.deliveryAttempts, r.resolvedAt === null])).toEqual([
      [true, true, 1, true],
      [false, true, 3, false],
    ]);
  });

  it('keeps the alert (undelivered, attempts counted) when the webhook never answers 2xx', async () => {
    const store = await open();
    const dead = receiver(99);
    const deadUrl = await dead.start();
    const r = await raiseAlert(
      store,
      { ...drift, incidentKey: 'x' },
      { webhookUrl: deadUrl, webhookAttempts: 3, webhookBackoffMs: 1, log: () => {} },
    );
    await dead.stop();
    expect(r.delivery).toEqual({ delivered: false, attempts: 3, error: 'HTTP 503' });
    expect((await recentAlerts(store))[0]).toMatchObject({ delivered: false, deliveryAttempts: 3 });
  });
});
