import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

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
