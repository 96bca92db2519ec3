// The built admin page on `npm start`'s server in real Chromium: every main view as each role,
// no CSP violation under the page's strict policy, and screenshots of each view at 1280 and
// 360 px in test-results/screenshots/admin-*.png for a person to look at.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { go, h1, openAdmin, shoot, signIn, unexpected, useAdminPage } from './admin/page.js';

const ctx = useAdminPage();

/** CSV download (logged first), the print view in a new tab, and both in the export log. */
async function exportsWork(page: Page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV voor Excel (puntkomma)' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\n')[0]).toContain(';');
  const [print] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: /Afdrukweergave/ }).click()]);
  await print.waitForLoadState();
  expect(await print.content()).toContain(ctx.seed.cases[0]!.reference);
  await print.close();
  await go(page, '#/logs/exports', /^Logboeken/);
  await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
  expect(await page.locator('tbody').textContent()).toContain('cases_print');
  await go(page, '#/cases', 'Zaken');
}

describe('admin page in Chromium (built Node host, strict CSP)', () => {
  for (const width of [1280, 360]) {
    it(`owner at ${width} px: sign-in, cases, case, subjects, settings, logs — no CSP violation`, async () => {
      const { context, page, problems } = await openAdmin(ctx.browser, `${ctx.server.url}/admin/`, { width });
      try {
        await expect.poll(() => h1(page).textContent()).toBe('Aanmelden');
        await shoot(page, `${width}-sign-in`);
        await signIn(page, ctx.seed.users.owner.signIn, ctx.seed.users.owner.password);
        await expect.poll(() => h1(page).textContent()).toBe('Zaken');
        await page.locator('tbody a').first().waitFor();
        await shoot(page, `${width}-cases`);
        if (width === 1280) await exportsWork(page);
        await page.locator('tbody a').first().click();
        await expect.poll(() => h1(page).textContent()).toMatch(/^Zaak /);
        await page.getByRole('heading', { name: 'Geschiedenis' }).waitFor();
        await shoot(page, `${width}-case`);
        await go(page, '#/subjects?q=Jansen', 'Betrokkenen');
        await page.locator('tbody a').first().waitFor();
        await shoot(page, `${width}-subjects`);
        await page.locator('tbody a').first().click();
        await expect.poll(() => h1(page).textContent()).toMatch(/^Betrokkene /);
        await shoot(page, `${width}-subject`);
        for (const tab of ['tenant', 'consent', 'users', 'organisations', 'api-keys']) {
          await go(page, `#/settings/${tab}`, /^Instellingen/);
          await page.locator('form').first().waitFor();
          await page.locator('table, p.card').first().waitFor();
          await shoot(page, `${width}-settings-${tab}`);
        }
        await go(page, '#/logs/exports', /^Logboeken/);
        await shoot(page, `${width}-logs-exports`);
        await go(page, '#/logs/audit', /^Logboeken/);
        await page.getByRole('button', { name: 'Keten controleren' }).click();
        await page.locator('.verify .notice', { hasText: 'De keten is intact' }).waitFor();
        await shoot(page, `${width}-logs-audit`);
        expect(unexpected(problems)).toEqual([]);
        // The listener does catch violations: an inline style attribute is refused and reported.
        await page.evaluate(() => document.body.setAttribute('style', 'outline: 1px solid red'));
        await expect.poll(() => problems.some((p) => p.startsWith('csp: style-src'))).toBe(true);
      } finally {
        await context.close();
      }
    }, 120_000);
  }

  it('a carrier sees only Cases, with fewer fields; an auditor only Logs; an operator Tenants', async () => {
    for (const [role, nav, file] of [['partner', ['Zaken', 'Mijn account'], 'partner-cases'], ['auditor', ['Logboeken', 'Privacy', 'Meldingen', 'Mijn account'], 'auditor-logs'], ['operator', ['Tenants', 'Platform', 'Mijn account'], 'operator-tenants']] as const) {
      const { context, page, problems } = await openAdmin(ctx.browser, `${ctx.server.url}/admin/`);
      try {
        await signIn(page, ctx.seed.users[role].signIn, ctx.seed.users[role].password);
        const links = await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allTextContents();
        expect(links.map((l) => l.trim())).toEqual(nav);
        await page.waitForLoadState('networkidle');
        await shoot(page, `1280-${file}`);
        expect(unexpected(problems)).toEqual([]);
      } finally {
        await context.close();
      }
    }
  }, 90_000);
});
