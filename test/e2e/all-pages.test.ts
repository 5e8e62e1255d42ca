import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dashboard, settled, shot, startDashboard } from './harness.js';

/** Pages checked at both widths: they render their data (figures are checked in data-pages.test.ts), never an error. */
const pages = [
  ['retention', 'Retention'],
  ['monitoring', 'Monitoring'],
  ['analytics', 'Analytics'],
] as const;

describe('dashboard: every page at 1280 px and 390 px', () => {
  let d: Dashboard;
  beforeAll(async () => {
    d = await startDashboard();
  });
  afterAll(() => d?.close());

  for (const [path, title] of pages)
    it(`renders ${title} with data and no error state at both widths`, async () => {
      for (const width of [1280, 390]) {
        const { page } = await d.open(width, width === 390 ? 844 : 900);
        await page.goto(`/#/${path}`);
        await settled(page);
        expect(await page.textContent('main h1')).toBe(title);
        expect(await page.locator('main canvas, main table').count()).toBeGreaterThan(0);
        expect(await page.locator('.state.error').allTextContents()).toEqual([]);
        if (width === 390) await shot(page, `${path}-390`); // the 1280 px shots come from data-pages.test.ts
      }
    });

  it('opens every page from the phone menu with the keyboard, and never calls another host', async () => {
    const { page } = await d.open(390, 844);
    await page.goto('/');
    await settled(page);
    await page.getByRole('button', { name: 'Menu' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('nav.open');
    await page.getByRole('link', { name: 'Models' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('main h1')).toBe('Models'); // the lazy page replaces the overview
    await settled(page);
    await shot(page, 'models-390');
    expect(d.foreignRequests).toEqual([]);
  });
});
