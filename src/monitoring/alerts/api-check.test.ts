import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../../test/helpers/stores.js';
import { ChurnError } from '../../errors/index.js';
import { type RunningServer, startServer } from '../../serving/index.js';
import { modelProject } from '../../serving/testing/model-fixture.test-support.js';
import { legacyRecord } from '../../serving/testing/records.test-support.js';
import { call, quietLogger, testConfig } from '../../serving/testing/server.test-support.js';
import { openStore, type Store } from '../../store/index.js';
import { checkApi, countersSince, recentAlerts, requestCounters } from './index.js';

afterAll(closeAllStores);

describe('reading request counters from a Prometheus page', () => {
  const page = [
    '# TYPE churn_http_request_duration_seconds histogram',
    'churn_http_request_duration_seconds_bucket{le="0.001",method="POST",route="/predict",status="200"} 3',
    'churn_http_request_duration_seconds_count{method="POST",route="/predict",status="200"} 40',
    'churn_http_request_duration_seconds_count{method="GET",route="/alerts",status="503"} 6',
    'churn_http_request_duration_seconds_count{method="GET",route="/customers/:id",status="404"} 4',
    'churn_http_request_duration_seconds_count{method="GET",route="/health",status="200"} 500',
    'churn_http_request_duration_seconds_count{method="GET",route="/metrics",status="500"} 2',
  ].join('\n');

  it('sums requests and 5xx replies of served routes, leaving out the probes', () => {
    expect(requestCounters(page)).toEqual({ requests: 50, serverErrors: 6 });
    expect(requestCounters('# nothing yet\n')).toBeNull();
  });

  it('takes the difference since the previous sample, or everything after a restart', () => {
    expect(countersSince({ requests: 50, serverErrors: 6 }, { requests: 20, serverErrors: 1 })).toEqual({
      requests: 30,
      serverErrors: 5,
    });
    expect(countersSince({ requests: 5, serverErrors: 0 }, { requests: 20, serverErrors: 1 })).toEqual({
      requests: 5,
      serverErrors: 0,
    });
  });
});

describe.each(engines)('the API check against a real server (alerts in the $name store)', (engine) => {
  let server: RunningServer;
  let serverStore: Store;
  let monitor: Store;
  /** While true, the server's store refuses reads of the alerts table: GET /alerts answers 503 and /health stays ok. */
  let refuseAlerts = false;
  const lines: string[] = [];
  const o = { errorRate: 0.05, minRequests: 20, log: (l: string) => lines.push(l) };

  beforeAll(async () => {
    const config = testConfig(await modelProject());
    serverStore = await openStore(config.databaseUrl, { baseDir: config.projectDir });
    const faulty = new Proxy(serverStore, {
      get(target, key) {
        if (key === 'all')
          return (sql: string, params?: readonly unknown[]) =>
            refuseAlerts && sql.includes('FROM alerts')
              ? Promise.reject(new ChurnError('CHURN_ERR_STORE', 'injected: the alerts table is locked', {}))
              : target.all(sql, params);
        const v = Reflect.get(target, key, target);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    server = await startServer({ config, port: 0, host: '127.0.0.1', demo: true, store: faulty, logger: quietLogger() });
    monitor = await engine.open();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await serverStore?.close();
  });

  const predictions = async (n: number) => {
    for (let i = 0; i < n; i++)
      expect((await call(server, 'POST', '/predict?explain=false', { json: legacyRecord })).status).toBe(200);
  };
  const failures = async (n: number) => {
    for (let i = 0; i < n; i++) expect((await call(server, 'GET', '/alerts')).status).toBe(503);
  };

  it('raises one api_errors alert when the 5xx share since the last check passes the rate, and resolves it once healthy', async () => {
    await predictions(25);
    const calm = await checkApi(monitor, server.url, o);
    expect(calm).toMatchObject({ healthy: true, alert: null, traffic: { requests: 25, serverErrors: 0, since: null } });

    refuseAlerts = true;
    await failures(6);
    await predictions(19);
    const erroring = await checkApi(monitor, server.url, o);
    expect(erroring.healthy).toBe(false);
    expect(erroring.traffic).toMatchObject({ requests: 25, serverErrors: 6, errorShare: 0.24 });
    expect(erroring.traffic?.since).not.toBeNull();
    expect(erroring.alert?.deduplicated).toBe(false);

    await failures(20);
    const still = await checkApi(monitor, server.url, o);
    expect(still.alert?.deduplicated).toBe(true);

    refuseAlerts = false;
    await predictions(20);
    const recovered = await checkApi(monitor, server.url, o);
    expect(recovered).toMatchObject({ healthy: true, alert: null, traffic: { requests: 20, serverErrors: 0 } });

    const alerts = await recentAlerts(monitor);
    expect(alerts.map((a) => [a.kind, a.incidentKey, a.resolvedAt !== null])).toEqual([
      ['api_errors', `api:${server.url}`, true],
    ]);
    expect(alerts[0].message).toMatch(/is erroring: 24\.0 % 5xx of 25 requests since /);
    expect(lines).toHaveLength(1);
  });

  it('does not judge a share over fewer requests than the minimum, however bad', async () => {
    refuseAlerts = true;
    await failures(3);
    refuseAlerts = false;
    const few = await checkApi(monitor, server.url, o);
    expect(few).toMatchObject({ healthy: true, alert: null, traffic: { requests: 3, serverErrors: 3, errorShare: null } });
    expect(few.detail).toContain('3 requests (too few to judge)');
  });

  it('raises api_down when /health stops answering', async () => {
    const url = server.url;
    await server.close();
    const down = await checkApi(monitor, url, o);
    expect(down).toMatchObject({ healthy: false, traffic: null, alert: { deduplicated: false } });
    const [latest] = await recentAlerts(monitor);
    expect(latest).toMatchObject({ kind: 'api_down', incidentKey: `api:${url}`, resolvedAt: null });
  });
});
