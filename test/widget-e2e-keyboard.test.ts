// End to end (issue 3, WCAG 2.1 AA "fully operable by keyboard"): complete submissions from the
// demo pages with the keyboard only — Tab, arrows, Space, Enter and typing, no clicks — checked
// in the database like any other case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startDemoServer, type DemoServer } from './e2e/server.js';
import { expectEvidence, expectNoTrace, openPage } from './e2e/evidence.js';
import { expectStep, NL } from './e2e/forms.js';
import { focused, pressUntil, tabTo, typeInto, typedDate } from './e2e/keyboard.js';

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Enter on the focused "Volgende" (or "Versturen"); focus lands on the next step's heading. */
async function enterOn(page: Page, button: string, nextTitle: string, host: string) {
  const f = await tabTo(page, new RegExp(`^${button}$`));
  expect(f.host).toBe(host);
  await page.keyboard.press('Enter');
  await expectStep(page.locator(host.replace(/\[kind=(\w+)\]/, '[kind="$1"]')), nextTitle, 30_000);
  expect(await focused(page)).toMatchObject({ host, tag: 'h2', name: nextTitle });
}

async function contactByKeyboard(page: Page, host: string, firstName: string) {
  expect((await typeInto(page, /^Voornaam/, firstName)).host).toBe(host);
  await typeInto(page, /^Achternaam/, 'Jansen');
  await typeInto(page, /^Straat/, 'Dorpsstraat');
  await typeInto(page, /^Huisnummer/, '3');
  await typeInto(page, /^Toevoeging/, 'bis');
  await typeInto(page, /^Postcode/, '3512jk');
  await typeInto(page, /^Plaats/, 'Utrecht');
  expect(await tabTo(page, /^Land/)).toMatchObject({ tag: 'select', value: 'NL' });
  await typeInto(page, /^E-mailadres/, `${firstName.toLowerCase()}@example.nl`);
  await typeInto(page, /^Telefoonnummer/, '030 123 4567');
  // Enter in a text field sends the step, as in any form
  await page.keyboard.press('Enter');
  await expectStep(page.locator(host), NL.product);
  expect(await focused(page)).toMatchObject({ tag: 'h2', name: NL.product });
}

async function consentAndSend(page: Page, host: string): Promise<string> {
  const box = await tabTo(page, (f) => f.type === 'checkbox');
  expect(box.checked).toBe(false);
  await page.keyboard.press('Space');
  expect((await focused(page)).checked).toBe(true);
  await enterOn(page, NL.next, NL.review, host);
  await enterOn(page, NL.submit, NL.done, host);
  const ref = page.locator(host).getByText(/^\s*[0-9A-Z]{4}-[0-9A-Z]{4}\s*$/);
  await ref.waitFor();
  return (await ref.textContent())!.trim();
}

describe('keyboard only, no clicks (real Chromium, npm start)', () => {
  it('registers the washing machine on the product page; brand and model come prefilled', async () => {
    const url = `${server.url}/demo/product.html`;
    const { context, page, traffic, userAgent } = await openPage(browser, url, { width: 360 });
    try {
      const host = 'aftercare-registration';
      await expectStep(page.locator(host), NL.contact);
      await contactByKeyboard(page, host, 'Sanne');
      expect(await tabTo(page, /^Merk/)).toMatchObject({ host, value: 'Miele' });
      expect(await tabTo(page, /^Model of type/)).toMatchObject({ host, value: 'WWD 320' });
      await typeInto(page, /^Aankoopdatum/, typedDate('2025-03-03'));
      expect((await focused(page)).value).toBe('2025-03-03');
      await enterOn(page, NL.next, NL.consent, host);
      const reference = await consentAndSend(page, host);
      const row = await expectEvidence(server, reference, { kind: 'registration', locale: 'nl', pageUrl: url, userAgent, firstName: 'Sanne' });
      expect(row).toMatchObject({ brand: 'Miele', model: 'WWD 320', postcode: '3512 JK' });
      await expectNoTrace(context, page, traffic, server.url);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('asks for an exchange on the service page, reached through its in-page link', async () => {
    const { context, page, userAgent } = await openPage(browser, `${server.url}/demo/service.html`);
    try {
      const host = 'aftercare-return';
      await expectStep(page.locator(host), NL.contact);
      await tabTo(page, /^Retourneren of ruilen$/);
      await page.keyboard.press('Enter');
      expect(page.url()).toMatch(/#retour$/);
      await contactByKeyboard(page, host, 'Daan');
      await typeInto(page, /^Merk/, 'Bosch');
      await typeInto(page, /^Model of type/, 'WAN28K20NL');
      await typeInto(page, /^Aankoopdatum/, typedDate('2025-04-04'));
      await enterOn(page, NL.next, NL.details.exchange, host);
      expect(await tabTo(page, (f) => f.type === 'radio')).toMatchObject({ name: 'Retourneren', checked: true });
      await pressUntil(page, 'ArrowDown', 'exchange');
      expect(await tabTo(page, /^Reden/)).toMatchObject({ tag: 'select' });
      await pressUntil(page, 'ArrowDown', 'wrong_item');
      await typeInto(page, /^Toelichting/, 'Ik kreeg de witte, ik bestelde de zwarte.');
      await typeInto(page, /^Ordernummer/, 'DW-2025-009876');
      expect(await tabTo(page, (f) => f.type === 'radio')).toMatchObject({ name: 'Hetzelfde model' });
      await pressUntil(page, 'ArrowDown', 'other_variant');
      await enterOn(page, NL.next, NL.consent, host);
      const reference = await consentAndSend(page, host);
      const row = await expectEvidence(server, reference, { kind: 'exchange', locale: 'nl', pageUrl: page.url(), userAgent, firstName: 'Daan' });
      expect(JSON.parse(row.details)).toMatchObject({ reason: 'wrong_item', orderNumber: 'DW-2025-009876', preferredResolution: 'other_variant' });
    } finally {
      await context.close();
    }
  }, 90_000);
});
