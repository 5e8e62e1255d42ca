import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign, ChurnBy, DriftRun, Importance, Kpis, Performance, Segments } from '../../web/src/types.js';
import { apiJson, type Dashboard, settled, shot, shotDir, startDashboard } from './harness.js';

const int = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 0 });
const pct1 = (v: number) => `${(v * 100).toFixed(1)}%`;
const usd = (v: number) =>
  v.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: Math.abs(v) < 100 ? 2 : 0 });

describe('dashboard: business pages show the real figures of a scored, monitored and segmented store', () => {
  let d: Dashboard;
  beforeAll(async () => {
    d = await startDashboard();
  });
  afterAll(() => d?.close());

  it('shows the KPI tiles and risk buckets of the newest scored batch on the overview', async () => {
    const k = await apiJson<Kpis>(d, '/kpis');
    const scored = await d.server.deps.store.all<{ n: number }>(
      "SELECT COUNT(*) AS n FROM predictions WHERE source = 'batch_score' AND snapshot_date = ?",
      [k.snapshotDate],
    );
    expect(k.total.customers).toBe(Number(scored[0].n)); // the tile counts every scored customer, no more, no less
    const { page } = await d.open();
    await page.goto('/');
    await settled(page);
    const tile = (name: string) => page.textContent(`[data-testid="stat-${name}"]`);
    expect(await tile('Active customers')).toBe(int(k.total.customers));
    expect(await tile('Predicted churn rate')).toBe(pct1(k.total.predictedChurnRate));
    expect(k.realised).not.toBeNull();
    expect(await tile('Realised churn rate')).toBe(pct1(k.realised?.subscriptionChurnRate ?? Number.NaN));
    expect(await tile('Revenue at risk / month')).toBe(usd(k.total.revenueAtRiskMonthly));
    expect(await tile('Revenue at risk / year')).toBe(usd(k.revenueAtRiskAnnualised));
    expect(await tile('Mean CLV')).toBe(usd(k.total.meanClv ?? Number.NaN));
    const bucketRows = page.locator('[data-testid="risk-buckets"] tbody tr');
    const names = await bucketRows.locator('td:nth-child(1)').allTextContents();
    expect(names).toEqual(['Very High', 'High', 'Medium', 'Low'].filter((b) => k.byRiskBucket.some((g) => g.group === b)));
    const counts = await bucketRows.locator('td:nth-child(2)').allTextContents();
    expect(counts).toEqual(names.map((b) => int(k.byRiskBucket.find((g) => g.group === b)?.customers ?? Number.NaN)));
    expect(counts.reduce((sum, n) => sum + Number(n.replaceAll(',', '')), 0)).toBe(k.total.customers);
    await shot(page, 'overview-1280');
    const phone = await d.open(390, 844);
    await phone.page.goto('/');
    await settled(phone.page);
    await shot(phone.page, 'overview-390');
  });

  it('shows churn by every dimension, the stored segments and global importance on analytics', async () => {
    const s = await apiJson<Segments>(d, '/segments');
    expect(s.segments).toHaveLength(4);
    const { page } = await d.open();
    await page.goto('/#/analytics');
    await settled(page);
    for (const dimension of ['plan_type', 'billing_cycle', 'device_type', 'acquisition_channel', 'region', 'tenure_band']) {
      const by = await apiJson<ChurnBy>(d, `/analytics/churn-by?dimension=${dimension}`);
      const customers = by.groups.reduce((sum, g) => sum + g.customers, 0);
      expect(customers).toBe(s.customers); // every scored customer falls in exactly one group
      const note = page.locator(`[data-testid="churn-by-${dimension}"]`);
      expect(await note.getAttribute('data-groups')).toBe(String(by.groups.length));
      expect(await note.textContent()).toContain(`${int(customers)} customers · revenue at risk`);
    }
    const importance = await apiJson<Importance>(d, '/importance');
    const top = [...importance.features].sort((a, b) => b.value - a.value)[0];
    expect(await page.locator('[data-testid="importance"]').getAttribute('data-top')).toBe(top.feature);
    const rows = await page.locator('[data-testid="segments"] tbody tr').allTextContents();
    expect(rows).toHaveLength(4);
    const sizes = await page
      .locator('[data-testid="segments"] tbody tr td:nth-child(2)')
      .allTextContents()
      .then((c) => c.map((x) => Number(x.replaceAll(',', ''))));
    expect(sizes).toEqual(s.segments.map((g) => g.size));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(s.customers);
  });

  it('draws PSI bars for the score and features with the 0.1 / 0.2 bands, and realised performance per cohort', async () => {
    const drift = await apiJson<DriftRun>(d, '/drift');
    const perf = await apiJson<Performance>(d, '/performance');
    expect(drift.thresholds).toMatchObject({ moderate: 0.1, drift: 0.2 });
    expect(perf.cohorts.map((c) => c.status)).toEqual(['mature', 'pending']); // fixture: one batch 60 days back, one today
    const { page } = await d.open();
    await page.goto('/#/monitoring');
    await settled(page);
    const chart = page.locator('[data-testid="psi-chart"]');
    expect(await chart.getAttribute('data-bars')).toBe(String(Math.min(20, drift.features.length) + 1));
    expect(await chart.getAttribute('data-score-psi')).toBe(drift.score.psi.toFixed(3));
    expect(await page.textContent('[data-testid="stat-Score PSI"]')).toBe(drift.score.psi.toFixed(3));
    expect(await page.textContent('[data-testid="stat-Data drift"]')).toBe(drift.verdict.dataset);
    const help = (await page.locator('section[aria-label="PSI per feature"] .help').textContent()) ?? '';
    expect(help).toContain('below 0.1 (stable); amber band 0.1–0.2 (moderate); red band above 0.2 (drift)');
    const mature = perf.cohorts[0];
    const pending = perf.cohorts[1];
    if (mature.status !== 'mature' || pending.status !== 'pending') throw new Error('cohort order');
    const matureRow = await page.locator('[data-testid="performance"] tr[data-status="mature"] td').allTextContents();
    expect(matureRow[0]).toBe(mature.snapshotDate);
    expect(matureRow[4]).toBe(mature.rocAuc?.toFixed(3));
    expect(matureRow[7]).toBe(pct1(mature.accuracy));
    expect(await page.textContent('[data-testid="labels-pending"]')).toBe(`labels pending until ${pending.labelsMatureOn}`);
    await shot(page, 'monitoring-1280');
  });

  it('ranks the retention campaign under the budget with the server totals, and follows the budget controls', async () => {
    const all = await apiJson<Campaign>(d, '/retention?limit=5000');
    expect(all.totals.customers).toBeGreaterThan(2);
    const budget = Math.round(all.totals.cost * 50) / 100; // half of what contacting everyone worth it costs
    const c = await apiJson<Campaign>(d, `/retention?budget=${budget}&limit=5000`);
    expect(c.totals.customers).toBeGreaterThan(0);
    expect(c.totals.customers).toBeLessThan(all.totals.customers);
    const { page } = await d.open();
    await page.goto('/#/retention');
    await settled(page);
    await page.getByLabel('Budget in dollars').fill(String(budget));
    await expect.poll(() => page.textContent('[data-testid="stat-Customers to contact"]')).toBe(int(c.totals.customers));
    await settled(page);
    expect(await page.textContent('[data-testid="stat-Expected net value"]')).toBe(usd(c.totals.expected_net_value));
    expect(await page.textContent('[data-testid="stat-Campaign cost"]')).toBe(usd(c.totals.cost));
    const first = c.lines.find((l) => l.selected);
    const firstRow = page.locator('[data-testid="campaign"] tbody tr').first();
    expect(await firstRow.getAttribute('data-customer')).toBe(first?.customer_id);
    expect(await page.locator('[data-testid="campaign"] tbody tr').count()).toBe(Math.min(200, c.totals.customers));
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Export CSV/ }).click()]);
    const saved = path.join(shotDir, 'retention-campaign.csv');
    await file.saveAs(saved);
    const csv = readFileSync(saved, 'utf8').trim().split('\n');
    expect(csv).toHaveLength(c.totals.customers + 1);
    await shot(page, 'retention-1280');
    const small = await apiJson<Campaign>(d, '/retention?budget=0&limit=5000');
    await page.locator('#budget').fill('0');
    await expect.poll(() => page.textContent('[data-testid="stat-Customers to contact"]')).toBe(int(small.totals.customers));
  });
});
