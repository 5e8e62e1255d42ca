import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSegmentation, segmentSnapshot } from '../../../insights/index.js';
import { type ScoredProject, scoredProject } from '../../../insights/testing/scored-project.test-helpers.js';
import type { RunningServer } from '../../server.js';
import { call, serve } from '../../testing/server.test-support.js';

let p: ScoredProject;
let server: RunningServer;
beforeAll(async () => {
  p = await scoredProject();
  server = await serve(p.config, { demo: true });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await p?.store.close();
});

type Obj = Record<string, unknown>;

describe('insights routes on a scored project', () => {
  it('GET /segments is 404 problem+json before churn segment, then the newest run', async () => {
    const before = await call(server, 'GET', '/segments');
    expect(before.status).toBe(404);
    expect(before.body.code).toBe('CHURN_ERR_NOT_FOUND');
    await saveSegmentation(p.store, await segmentSnapshot(p.store, { k: 4, seed: 3, reportKs: [4] }));
    const r = await call(server, 'GET', '/segments');
    expect(r.status).toBe(200);
    const segs = r.body.segments as Obj[];
    expect(segs).toHaveLength(4);
    expect(segs.reduce((s, x) => s + (x.size as number), 0)).toBe(p.scored);
    expect(r.body.churn_rate_source).toBe('predicted');
  });

  it('GET /retention ranks by expected net value and keeps the cost within the budget', async () => {
    const r = await call(server, 'GET', '/retention?budget=50');
    expect(r.status).toBe(200);
    const lines = r.body.lines as Obj[];
    const totals = r.body.totals as Obj;
    expect(lines.length).toBeGreaterThan(0);
    for (let i = 1; i < lines.length; i++)
      expect(lines[i - 1].expected_net_value as number).toBeGreaterThanOrEqual(lines[i].expected_net_value as number);
    expect(totals.cost as number).toBeLessThanOrEqual(50);
    const selected = lines.filter((l) => l.selected);
    expect(selected.length).toBe(totals.customers);
    const unlimited = await call(server, 'GET', '/retention');
    expect((unlimited.body.totals as Obj).customers as number).toBeGreaterThanOrEqual(totals.customers as number);
  });

  it('GET /retention rejects a negative budget and unknown parameters as 4xx problems', async () => {
    expect((await call(server, 'GET', '/retention?budget=-5')).body.code).toBe('CHURN_ERR_VALIDATION');
    expect((await call(server, 'GET', '/retention?bugdet=5')).body.code).toBe('CHURN_ERR_VALIDATION');
  });
});

describe('analytics and importance routes', () => {
  it('GET /analytics/churn-by gives realised and predicted rates per plan, customers summing to the scored run', async () => {
    const r = await call(server, 'GET', '/analytics/churn-by?dimension=plan_type');
    expect(r.status).toBe(200);
    const groups = r.body.groups as Obj[];
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.reduce((s, g) => s + (g.customers as number), 0)).toBe(p.scored);
    expect(r.body.realised_cutoff).not.toBeNull();
    for (const g of groups) {
      expect(g.predicted_churn_rate as number).toBeGreaterThan(0);
      expect(g.revenue_at_risk as number).toBeGreaterThan(0);
    }
    const tenure = await call(server, 'GET', '/analytics/churn-by?dimension=tenure_band');
    expect((tenure.body.groups as Obj[]).every((g) => /months|years/.test(g.group as string))).toBe(true);
  });

  it('GET /analytics/churn-by refuses an unknown dimension', async () => {
    const r = await call(server, 'GET', '/analytics/churn-by?dimension=colour');
    expect(r.body.code).toBe('CHURN_ERR_VALIDATION');
  });

  it('GET /importance leads with mean |SHAP| on today’s customers, on business features', async () => {
    const r = await call(server, 'GET', '/importance');
    expect(r.status).toBe(200);
    expect(r.body.primary).toMatch(/^mean \|SHAP\| \(log-odds\) over \d+ customers/);
    const features = r.body.features as Obj[];
    expect(features.length).toBeGreaterThan(5);
    expect(features.some((f) => f.feature === 'plan_type')).toBe(true);
    expect(features.some((f) => String(f.feature).startsWith('plan_type_'))).toBe(false);
    expect((r.body.methods as Obj[]).length).toBeGreaterThanOrEqual(2);
  });
});
