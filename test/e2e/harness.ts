/**
 * End-to-end harness: a real `churn serve` (the scored dashboard fixture of ./fixture.ts, 127.0.0.1, random port) serving
 * the built dashboard, and Debian's chromium driven by playwright-core. Never downloads a browser.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { RunningServer } from '../../src/serving/server.js';
import { serve, testConfig } from '../../src/serving/testing/server.test-support.js';
import { dashboardProject } from './fixture.js';

/** Where screenshots go. */
export const shotDir = path.resolve('test-output/e2e');
const webDir = path.resolve('web/dist');

/** The chromium binary: CHROMIUM_PATH or Debian's /usr/bin/chromium. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Builds web/dist when it is missing (CI builds it in `npm ci` → prepare → build). */
export function ensureWebBuild(): void {
  if (existsSync(path.join(webDir, 'index.html'))) return;
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { stdio: 'ignore' });
}

/** A running server + browser; `close()` stops both. */
export interface Dashboard {
  server: RunningServer;
  browser: Browser;
  projectDir: string;
  /** Requests the pages made to any host but the server's own. */
  foreignRequests: string[];
  /** A new page at `width` × `height`; downloads allowed. */
  open(width?: number, height?: number): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** Starts the fixture server (demo mode unless `demo: false`) and chromium. */
export async function startDashboard(options: { demo?: boolean } = {}): Promise<Dashboard> {
  ensureWebBuild();
  mkdirSync(shotDir, { recursive: true });
  const projectDir = await dashboardProject();
  const server = await serve(testConfig(projectDir), { demo: options.demo ?? true, webDir });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: flags });
  const foreignRequests: string[] = [];
  const origin = new URL(server.url).origin;
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    projectDir,
    foreignRequests,
    async open(width = 1280, height = 900) {
      const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, baseURL: server.url });
      contexts.push(context);
      const page = await context.newPage();
      page.on('request', (r) => {
        const url = r.url();
        if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
      });
      return { context, page };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await server.close();
      rmSync(projectDir, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot as test-output/e2e/<name>.png. */
export async function shot(page: Page, name: string): Promise<string> {
  const file = path.join(shotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Waits until no loading indicator is left on the page and every chart has drawn its canvas. */
export async function settled(page: Page): Promise<void> {
  // A string: the root tsconfig has no DOM types, and this runs in the page.
  await page.waitForFunction(
    "document.querySelectorAll('.state.loading').length === 0 && document.querySelector('main h1') !== null && [...document.querySelectorAll('.chart')].every((c) => c.querySelector('canvas') !== null)",
  );
}

/** GETs a JSON route of the server the way the page does (demo mode: no key). */
export async function apiJson<T>(d: Dashboard, route: string): Promise<T> {
  const res = await fetch(d.server.url + route);
  if (!res.ok) throw new Error(`${route}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
