import { expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DemoServer } from './server.js';
import { browserState, EMPTY_STATE, foreignRequests, recordTraffic, type Traffic } from './traffic.js';

/** A consumer's fresh browser (Dutch, phone or desktop width) on one demo page, traffic recorded from the start. */
export async function openPage(browser: Browser, url: string, opts: { width?: number; locale?: string } = {}) {
  const context = await browser.newContext({ locale: opts.locale ?? 'nl-NL', viewport: { width: opts.width ?? 1280, height: 900 } });
  const page = await context.newPage();
  const traffic = recordTraffic(page);
  const problems: string[] = [];
  page.on('pageerror', (e) => void problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => void (m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(`console: ${m.text()}`)));
  page.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.request().method()} ${r.url()}`)));
  await page.goto(url);
  return { context, page, traffic, problems, userAgent: await page.evaluate(() => navigator.userAgent) };
}

/** R3: the whole run talked only to `origin`, and left no cookie or stored data behind. */
export async function expectNoTrace(context: BrowserContext, page: Page, traffic: Traffic, origin: string) {
  expect(traffic.requests.length).toBeGreaterThan(3);
  expect(foreignRequests(traffic, origin)).toEqual([]);
  expect(traffic.websockets).toEqual([]);
  expect(traffic.workers).toEqual([]);
  expect(await browserState(context, page)).toEqual(EMPTY_STATE);
}

/**
 * R5: exactly one case with `reference`, of `kind`, for the demo tenant, with its consent
 * evidence: the text id and hash `/v1/config` gave for `locale`, the privacy URL, IP, user agent
 * and the page it was given on.
 */
export async function expectEvidence(
  server: DemoServer,
  reference: string,
  want: { kind: string; locale: string; pageUrl: string; userAgent: string; firstName: string },
) {
  const rows = await server.casesByReference(reference);
  expect(rows).toHaveLength(1);
  const text = server.config.consentTexts[want.locale]!;
  expect(text).toBeDefined();
  expect(server.config.privacyUrl).toBe(`${server.url}/demo/privacy.html`);
  expect(rows[0]).toMatchObject({
    tenant_id: server.tenantId,
    reference,
    kind: want.kind,
    consent_text_id: text.id,
    text_hash: text.hash,
    locale: want.locale,
    privacy_url: server.config.privacyUrl,
    ip: '127.0.0.1',
    user_agent: want.userAgent,
    page_url: want.pageUrl,
    first_name: want.firstName,
  });
  expect(Math.abs(Date.now() - Number(rows[0]!.given_at))).toBeLessThan(10 * 60_000);
  return rows[0]!;
}
