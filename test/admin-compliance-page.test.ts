// The privacy & compliance views of the built admin page in real Chromium under the strict CSP:
// the operator publishes an agreement and records a breach, the owner meets the agreement gate,
// then every privacy view at 1280 and 360 px; screenshots in test-results/screenshots/admin-privacy-*.png.
import { describe, expect, it } from 'vitest';
import { go, h1, openAdmin, shoot, signIn, unexpected, useAdminPage } from './admin/page.js';

const ctx = useAdminPage();

describe('privacy & compliance views in Chromium (built Node host, strict CSP)', () => {
  it('operator: agreement published, breach recorded, platform views', async () => {
    const { context, page, problems } = await openAdmin(ctx.browser, `${ctx.server.url}/admin/`, { width: 1280 });
    try {
      await signIn(page, ctx.seed.users.operator.signIn, ctx.seed.users.operator.password);
      await go(page, '#/platform/agreements', /^Platform/);
      // The host published version 1 and the ctx.seed accepted it: publish version 2 (a changed text).
      await page.locator('#pa-nl').fill(`${await page.locator('#pa-nl').inputValue()}\n\nArtikel 12: wijzigingen worden 30 dagen vooraf gemeld.`);
      await page.locator('#pa-en').fill(`${await page.locator('#pa-en').inputValue()}\n\nArticle 12: changes are announced 30 days ahead.`);
      await page.getByRole('button', { name: 'Publiceren' }).click();
      await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
      await go(page, '#/platform/breaches', /^Platform/);
      const local = new Date(Date.now() - 3 * 3600_000 - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
      await page.locator('#pb-at').fill(local);
      await page.locator('#pb-description').fill('Een back-up van de database stond een uur open.');
      await page.getByLabel('contactgegevens').check();
      await page.locator('#pb-subjects').fill('120');
      await page.locator('#pb-consequences').fill('Mogelijk phishing-mails.');
      await page.locator('#pb-measures').fill('Toegang gesloten, sleutels vervangen.');
      await page.getByLabel('Demo Winkel').check();
      await page.getByRole('button', { name: 'Datalek registreren' }).click();
      await page.locator('article').first().waitFor();
      for (const tab of ['profile', 'subprocessors', 'breaches', 'agreements', 'statistics']) {
        await go(page, `#/platform/${tab}`, /^Platform/);
        await page.locator('form, figure').first().waitFor();
        await shoot(page, `1280-platform-${tab}`);
      }
      expect(unexpected(problems)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  for (const width of [1280, 360]) {
    it(`owner at ${width} px: agreement first, then every privacy view and notices`, async () => {
      const { context, page, problems } = await openAdmin(ctx.browser, `${ctx.server.url}/admin/`, { width });
      try {
        await signIn(page, ctx.seed.users.owner.signIn, ctx.seed.users.owner.password);
        // The first run meets the gate (the operator just published a version) and accepts it.
        await expect.poll(() => h1(page).textContent()).toBe(width === 1280 ? 'Verwerkersovereenkomst' : 'Zaken');
        if (width === 1280) {
          await page.getByRole('button', { name: /accepteren$/ }).waitFor();
          await shoot(page, `${width}-privacy-agreement-gate`);
          await page.getByRole('button', { name: /accepteren$/ }).click();
          await expect.poll(() => h1(page).textContent()).toBe('Zaken');
        }
        for (const tab of ['register', 'subprocessors', 'breaches', 'retention', 'statistics', 'webhooks', 'audit']) {
          await go(page, `#/privacy/${tab}`, /^Privacy/);
          await page.locator('section, figure, article, p.card, form').first().waitFor();
          await shoot(page, `${width}-privacy-${tab}`);
        }
        await go(page, '#/notices', 'Meldingen');
        await shoot(page, `${width}-privacy-notices`);
        expect(unexpected(problems)).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});
