import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium } from '../browser.js';
import { startDemoServer, type DemoServer } from '../e2e/server.js';
import { seedAdmin } from '../wtr/admin-seed.mjs';

/**
 * The admin page in a fresh Chromium context (Dutch), with every CSP violation, page error and
 * console error collected from the first byte on.
 */
export async function openAdmin(browser: Browser, url: string, opts: { width?: number; locale?: string } = {}) {
  const context = await browser.newContext({ locale: opts.locale ?? 'nl-NL', viewport: { width: opts.width ?? 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  await page.exposeFunction('__cspViolation', (v: string) => void problems.push(`csp: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  page.on('pageerror', (e) => void problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)));
  await page.goto(url);
  return { context, page, problems };
}

/** Signs in through the form (login code, password, Enter) and waits for the first view. */
export async function signIn(page: Page, loginCode: string, password: string) {
  await page.getByLabel('Inlogcode').fill(loginCode);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect.poll(() => page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible(), { timeout: 15_000 }).toBe(true);
}

/** Only problems that are not answers the test provoked on purpose. */
export const unexpected = (problems: string[]) => problems.filter((p) => !/status of 40[134]/.test(p));

const SCREENSHOTS = path.resolve('test-results/screenshots');

/** A full-page screenshot at test-results/screenshots/admin-<name>.png. */
export const shoot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `admin-${name}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });

export const h1 = (page: Page) => page.locator('h1').first();

/** Goes to a hash route and waits for its heading and its requests. */
export async function go(page: Page, hash: string, title: RegExp | string) {
  await page.evaluate((h) => (location.hash = h), hash);
  await expect.poll(() => h1(page).textContent(), { timeout: 10_000 }).toMatch(title);
  await page.waitForLoadState('networkidle');
}

/**
 * `npm start`'s server with a fresh database, one user per role seeded (test/wtr/admin-seed.mjs)
 * and Chromium, for the file's tests; read `server`, `browser` and `seed` inside tests.
 */
export function useAdminPage() {
  const ctx = {} as { server: DemoServer; browser: Browser; seed: Awaited<ReturnType<typeof seedAdmin>> };
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [ctx.server, ctx.browser] = await Promise.all([startDemoServer(), launchChromium()]);
    const s = ctx.server;
    ctx.seed = await seedAdmin({ databaseUrl: s.databaseUrl, tenantId: s.tenantId, apiBase: s.url, publishableKey: s.publishableKey, origin: new URL(s.url).origin });
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.server?.stop();
  });
  return ctx;
}
