// Screenshots of every step of the Dutch forms at 1280 px and 360 px width, for a person to look
// at (issue 3): test-results/screenshots/nl-<width>-<kind>-<step>.png for the installation form
// (every step, with errors, visit windows) and the return form (choices, exchange), plus each
// demo page whole (page-<name>-<width>.png) and the form on it. Each run submits, so the
// confirmation step is real.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startDemoServer, type DemoServer } from './e2e/server.js';
import { openPage } from './e2e/evidence.js';
import { ELEMENT, expectStep, NL, person, submitKind, type Kind } from './e2e/forms.js';

const DIR = path.resolve('test-results/screenshots');
let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const file = (name: string) => path.join(DIR, `${name}.png`);
/**
 * An element taller than the viewport is captured beyond it; headless Chromium then leaves its
 * compositor at the old scroll offset, and the next click lands where the page was. Scrolling
 * back to where the page was keeps both in step.
 */
const shootForm = (form: Locator, prefix: string) => async (step: string) => {
  const page = form.page();
  const y = await page.evaluate(() => scrollY);
  await form.screenshot({ path: file(`${prefix}-${step}`), animations: 'disabled', caret: 'hide' });
  await page.evaluate((top) => window.scrollTo(0, top), y);
};
const shootPage = async (page: Page, name: string) => {
  const y = await page.evaluate(() => scrollY);
  await page.screenshot({ path: file(name), fullPage: true, animations: 'disabled', caret: 'hide' });
  await page.evaluate((top) => window.scrollTo(0, top), y);
};

/** Every step of `kind`, starting with the contact step empty and with its errors showing. */
async function everyStep(page: Page, kind: Kind, width: number) {
  const form = page.locator(ELEMENT[kind]);
  const shoot = shootForm(form, `nl-${width}-${kind}`);
  await form.scrollIntoViewIfNeeded();
  await expectStep(form, NL.contact);
  await shoot('0-contact-empty');
  await form.getByRole('button', { name: NL.next, exact: true }).click();
  await form.locator('[aria-invalid="true"]').first().waitFor();
  await shoot('0-contact-errors');
  const { shown } = await submitKind(page, kind, person(`Foto-${width}`), kind === 'registration' ? {} : undefined, shoot);
  expect((await server.casesByReference(shown))[0]).toMatchObject({ kind });
}

describe('screenshots of each step in Dutch (real Chromium, npm start)', () => {
  for (const width of [1280, 360]) {
    it(`${width} px: installation (visit windows) and exchange (choices), step by step`, async () => {
      const { context, page } = await openPage(browser, `${server.url}/demo/service.html`, { width });
      try {
        await expectStep(page.locator('aftercare-return'), NL.contact);
        for (const kind of ['installation', 'exchange'] as const) await everyStep(page, kind, width);
      } finally {
        await context.close();
      }
    }, 90_000);
  }

  it('every demo page, whole, at both widths, and its form', async () => {
    const pages = [['index', ''], ['product', 'aftercare-registration'], ['service', 'aftercare-return'], ['strict-csp', 'aftercare-repair'],
      ['hostile', 'aftercare-repair'], ['en', 'aftercare-warranty']] as const;
    for (const [name, host] of pages) {
      const { context, page } = await openPage(browser, `${server.url}/demo/${name === 'index' ? '' : `${name}.html`}`);
      try {
        if (host) await page.locator(host).getByRole('heading', { level: 2 }).waitFor();
        for (const width of [1280, 360]) {
          await page.setViewportSize({ width, height: 900 });
          await shootPage(page, `page-${name}-${width}`);
          if (host && name !== 'service') await shootForm(page.locator(host), `${name === 'en' ? 'en' : 'nl'}-${width}-${name}-page`)('form');
        }
      } finally {
        await context.close();
      }
    }
  }, 60_000);
});
