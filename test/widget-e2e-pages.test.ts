// End to end (issue 3): the demo pages a web team copies from. Each is served whole with the
// key in place and the documented snippet, and needs no inline script or style; the strict-CSP
// page and the hostile-stylesheet page take a full submission; the English page shows the form
// in English and stores English consent evidence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startDemoServer, type DemoServer } from './e2e/server.js';
import { expectEvidence, expectNoTrace, openPage } from './e2e/evidence.js';
import { expectStep, person, submitKind } from './e2e/forms.js';

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const WIDGET_PAGES = ['product.html', 'service.html', 'strict-csp.html', 'hostile.html', 'en.html'];
const SNIPPET = '<script type="module" src="/widget/v1/aftercare.js"></script>';

describe('the demo pages as served', () => {
  it('each widget page embeds forms as a retailer would: the snippet, the key placeholder, the privacy link, nothing inline', () => {
    const pages = readdirSync('demo/public').filter((f) => f.endsWith('.html'));
    expect(pages).toEqual(expect.arrayContaining([...WIDGET_PAGES, 'index.html', 'privacy.html', 'sdk.html']));
    const index = readFileSync('demo/public/index.html', 'utf8');
    for (const p of pages.filter((f) => f !== 'index.html')) expect(index).toContain(`href="/demo/${p}"`);
    for (const p of WIDGET_PAGES) {
      const html = readFileSync(`demo/public/${p}`, 'utf8');
      expect(html, p).toContain(SNIPPET);
      const forms = html.match(/<aftercare-[a-z]+\b[^>]*>/g) ?? [];
      expect(forms.length, p).toBeGreaterThan(0);
      for (const f of forms) expect(f, p).toContain('publishable-key="__AFTERCARE_PUBLISHABLE_KEY__"');
      expect(html, p).toMatch(/<footer>[\s\S]*href="\/demo\/privacy.html"[\s\S]*<\/footer>/);
      // strict CSP: no inline script, no <style>, no style attribute, no inline handler
      expect(html, p).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i);
    }
  });

  it('the server puts the demo key into every form of every widget page', async () => {
    for (const p of WIDGET_PAGES) {
      const res = await fetch(`${server.url}/demo/${p}`);
      const html = await res.text();
      expect(res.status, p).toBe(200);
      expect(html, p).not.toContain('__AFTERCARE_PUBLISHABLE_KEY__');
      const source = readFileSync(`demo/public/${p}`, 'utf8').split('__AFTERCARE_PUBLISHABLE_KEY__').length - 1;
      expect(html.split(`publishable-key="${server.publishableKey}"`).length - 1, p).toBe(source);
    }
  });

  it('each widget page arrives whole: the key is put in without cutting off the end of the page', async () => {
    for (const p of WIDGET_PAGES) {
      const html = await (await fetch(`${server.url}/demo/${p}`)).text();
      expect(html.trimEnd(), `${p} arrives whole`).toMatch(/<\/body>\s*<\/html>$/);
    }
  });
});

describe('pages a web team worries about (real Chromium, npm start)', () => {
  it('strict CSP (default-src \'self\', Trusted Types): a full submission, and not one violation', async () => {
    const url = `${server.url}/demo/strict-csp.html`;
    const { context, page, traffic, problems, userAgent } = await openPage(browser, url);
    const cspConsole: string[] = [];
    page.on('console', (m) => void (/Content Security Policy|Trusted Type|Refused to/i.test(m.text()) && cspConsole.push(m.text())));
    try {
      const who = person('Csp');
      const { shown } = await submitKind(page, 'repair', who);
      await expectEvidence(server, shown, { kind: 'repair', locale: 'nl', pageUrl: url, userAgent, firstName: who.firstName });
      expect(await page.evaluate(() => (window as unknown as { aftercareCspViolations: string[] }).aftercareCspViolations)).toEqual([]);
      expect(await page.locator('#csp-report').textContent()).toBe('CSP-overtredingen: 0');
      expect(cspConsole).toEqual([]);
      expect(problems).toEqual([]);
      await expectNoTrace(context, page, traffic, server.url);
      // both policies are in force — the page's own <meta> (a retailer's) and the host's header
      // CSP on /demo (R14) — and the watcher sees the one inline style reported by each
      await page.evaluate(() => {
        const style = document.createElement('style');
        style.textContent = 'p{}';
        document.head.appendChild(style);
      });
      await expect.poll(() => page.locator('#csp-report').textContent()).toMatch(/^CSP-overtredingen: 2\n• style-src.*\n• style-src/);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('hostile global stylesheet: the form looks like itself and takes a full submission', async () => {
    const url = `${server.url}/demo/hostile.html`;
    const { context, page, problems, userAgent } = await openPage(browser, url);
    try {
      const form = page.locator('aftercare-repair[kind="complaint"]');
      await expectStep(form, 'Uw gegevens');
      // the page's rules reach its own markup…
      expect(await page.locator('main > p').first().evaluate((p) => getComputedStyle(p).textTransform)).toBe('uppercase');
      // …but not the form: visible controls at the user's font size, upright, no page colours
      const look = await form.evaluate((host) => {
        const root = host.shadowRoot!;
        const s = (sel: string) => getComputedStyle(root.querySelector(sel)!);
        return {
          input: [s('input').display, s('input').visibility], button: [s('button').visibility, s('button').pointerEvents],
          fontSize: s('input').fontSize, heading: [s('h2').transform, s('h2').textTransform, s('h2').color],
          lineHeight: s('label').lineHeight, letterSpacing: s('label').letterSpacing,
        };
      });
      expect(look).toEqual({
        input: ['block', 'visible'], button: ['visible', 'auto'], fontSize: '16px',
        heading: ['none', 'none', 'rgb(31, 31, 31)'], lineHeight: '24px', letterSpacing: 'normal',
      });
      const who = person('Hostile');
      const { shown } = await submitKind(page, 'complaint', who);
      await expectEvidence(server, shown, { kind: 'complaint', locale: 'nl', pageUrl: url, userAgent, firstName: who.firstName });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('English page: the form comes up in English and the English consent text is the evidence', async () => {
    const url = `${server.url}/demo/en.html`;
    const { context, page, problems, userAgent } = await openPage(browser, url, { locale: 'en-GB', width: 360 });
    try {
      const form = page.locator('aftercare-warranty');
      const label = (text: string) => form.getByLabel(new RegExp(`^\\s*${text}`));
      const next = async (title: string) => {
        await form.getByRole('button', { name: 'Next', exact: true }).click();
        await expectStep(form, title);
      };
      await expectStep(form, 'Your details');
      expect(await form.getByText('(required)').count()).toBeGreaterThan(5);
      for (const [l, v] of [['First name', 'Emma'], ['Last name', 'Smith'], ['Street', 'Keizersgracht'], ['House number', '100'],
        ['Postcode', '1015 cz'], ['Town or city', 'Amsterdam'], ['Email address', 'emma@example.com']] as const) await label(l).fill(v);
      await next('Your product');
      await label('Brand').fill('Miele');
      await label('Model or type').fill('WWD 320');
      await label('Date of purchase').fill('2025-06-01');
      await next('Warranty');
      expect(await form.getByRole('radio', { name: 'Register the warranty' }).isChecked()).toBe(true);
      await next('Consent');
      expect(await form.getByRole('checkbox').getAttribute('aria-describedby')).toBeNull();
      expect((await form.getByRole('checkbox').locator('xpath=..').textContent())!.trim()).toBe(server.config.consentTexts.en!.text);
      const privacy = form.getByRole('link', { name: /Privacy statement/ }).first();
      expect([await privacy.getAttribute('href'), await privacy.getAttribute('target'), await privacy.getAttribute('rel')])
        .toEqual([server.config.privacyUrl, '_blank', 'noopener']);
      await form.getByRole('checkbox').check();
      await next('Check and send');
      await form.getByRole('button', { name: 'Send', exact: true }).click();
      await expectStep(form, 'Thank you!', 30_000);
      const reference = (await form.getByText(/^\s*[0-9A-Z]{4}-[0-9A-Z]{4}\s*$/).textContent())!.trim();
      await expectEvidence(server, reference, { kind: 'warranty', locale: 'en', pageUrl: url, userAgent, firstName: 'Emma' });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
