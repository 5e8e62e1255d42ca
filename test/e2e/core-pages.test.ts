import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dashboard, settled, shot, startDashboard } from './harness.js';

describe('dashboard: overview and single prediction against a real server', () => {
  let d: Dashboard;
  beforeAll(async () => {
    d = await startDashboard();
  });
  afterAll(() => d?.close());

  it('shows the current model card with its real id and validation metrics on the overview', async () => {
    const { page } = await d.open();
    await page.goto('/');
    await settled(page);
    const modelId = d.server.deps.models.current().id;
    await expect.poll(() => page.textContent('[data-testid="model-id"]')).toBe(modelId);
    const card = (await page.textContent('[data-testid="model-card"]')) ?? '';
    expect(card).toMatch(/Validation ROC-AUC\s*0\.\d{3}/);
    expect(card).toMatch(/Decision threshold\s*\d+\.\d%/);
    await shot(page, 'overview-model-1280');
    expect(d.foreignRequests).toEqual([]);
  });

  it('scores the pre-filled example and shows a probability, bucket, drivers and an action', async () => {
    const { page } = await d.open();
    await page.goto('/#/predict');
    await settled(page);
    await page.getByRole('button', { name: 'Predict churn' }).click();
    await page.waitForSelector('[data-testid="prediction-result"]');
    const probability = (await page.textContent('[data-testid="probability"]')) ?? '';
    expect(probability).toMatch(/^\d{1,3}\.\d%$/);
    const drivers = await page.locator('[data-testid="drivers"] li').count();
    expect(drivers).toBeGreaterThanOrEqual(3);
    await settled(page);
    await shot(page, 'predict-1280');
  });

  it('flags an out-of-range value inline before sending, and looks up a stored customer by id', async () => {
    const { page } = await d.open(390, 844);
    await page.goto('/#/predict');
    await settled(page);
    await page.getByLabel('Monthly price').fill('-5');
    expect(await page.locator('.field.invalid').count()).toBe(1);
    expect(await page.getByLabel('Monthly price').getAttribute('aria-invalid')).toBe('true');
    const customer = await d.server.deps.store.all<{ customer_id: string }>(
      'SELECT customer_id FROM subscriptions WHERE end_date IS NULL ORDER BY customer_id LIMIT 1',
    );
    await page.getByLabel('Customer id').fill(customer[0].customer_id);
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.waitForSelector('[data-testid="prediction-result"]');
    expect(await page.textContent('[data-testid="prediction-result"]')).toContain(`Customer ${customer[0].customer_id}`);
    await settled(page);
    await shot(page, 'predict-390');
  });
});
