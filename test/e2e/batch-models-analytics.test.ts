import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacyRecord } from '../../src/serving/testing/records.test-support.js';
import { type Dashboard, settled, shot, shotDir, startDashboard } from './harness.js';

const columns = Object.keys(legacyRecord);
/** `n` customers in the original system's columns; rows listed in `bad` get an impossible age. */
function csvOf(n: number, bad: number[] = []): string {
  const lines = [columns.join(',')];
  for (let i = 0; i < n; i++) {
    const r: Record<string, unknown> = {
      ...legacyRecord,
      customer_id: `crm-${i}`,
      total_sessions_30d: i % 17,
      failed_payments_30d: i % 3,
    };
    if (bad.includes(i)) r.age = -4;
    lines.push(columns.map((c) => String(r[c])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

describe('dashboard: batch scoring, analytics and models against a real server', () => {
  let d: Dashboard;
  beforeAll(async () => {
    d = await startDashboard();
  });
  afterAll(() => d?.close());

  it('scores an uploaded CSV and downloads one scored row per input row', async () => {
    const { page } = await d.open();
    await page.goto('/#/batch');
    await settled(page);
    await page.setInputFiles('#csv-file', { name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csvOf(120)) });
    await page.waitForSelector('[data-testid="job"][data-state="done"]');
    await page.waitForSelector('[data-testid="preview"] tbody tr');
    expect(await page.locator('[data-testid="preview"] tbody tr').count()).toBe(100); // first 100 of 120 shown
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download scored CSV' }).click(),
    ]);
    const saved = path.join(shotDir, 'scored.csv');
    await file.saveAs(saved);
    const lines = readFileSync(saved, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('customer_id,probability,prediction,risk_bucket,model_id');
    expect(lines.length - 1).toBe(120);
    await page.selectOption('#bucket-filter', { index: 1 });
    await shot(page, 'batch-1280');
  });

  it('lists the rejected rows of a CSV with their line and reason', async () => {
    const { page } = await d.open(390, 844);
    await page.goto('/#/batch');
    await settled(page);
    await page.setInputFiles('#csv-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csvOf(10, [2, 7])) });
    await page.waitForSelector('[data-testid="rejected"] tbody tr');
    const rows = await page.locator('[data-testid="rejected"] tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^4age/); // data row 2 is line 4 (header is line 1)
    expect(rows[1]).toMatch(/^9age/);
    expect(await page.locator('[data-testid="preview"] tbody tr').count()).toBe(8);
    await shot(page, 'batch-errors-390');
  });

  it('draws the model curves and lift on the analytics page', async () => {
    const { page } = await d.open();
    await page.goto('/#/analytics');
    await settled(page);
    const stat = (await page.textContent('[data-testid="stat-Top-decile lift"]')) ?? '';
    expect(stat).toMatch(/^\d+\.\d{2}×$/);
    expect(await page.locator('canvas').count()).toBeGreaterThanOrEqual(4);
    await shot(page, 'analytics-1280');
  });

  it('promotes another version and the model card switches to it', async () => {
    const { page } = await d.open();
    await page.goto('/#/models');
    await settled(page);
    const before = d.server.deps.models.current().id;
    expect(await page.textContent('[data-testid="model-id"]')).toBe(before);
    const other = page.locator('[data-testid="versions"] tbody tr:not(.current)').first();
    const target = (await other.getAttribute('data-model')) ?? '';
    expect(target).not.toBe(before);
    await shot(page, 'models-1280');
    await other.getByRole('button', { name: `Promote ${target}` }).click();
    await expect.poll(() => page.textContent('[data-testid="model-id"]')).toBe(target);
    expect(d.server.deps.models.current().id).toBe(target);
    expect(await page.locator('tr.current').getAttribute('data-model')).toBe(target);
    await shot(page, 'models-promoted-1280');
    expect(d.foreignRequests).toEqual([]);
  });
});
