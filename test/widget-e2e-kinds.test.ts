// End to end (issue 3): every case kind submitted from the demo retailer's pages, in Dutch, by
// label and button name, lands in the database with its consent evidence (R4, R5), the consumer
// sees the stored reference, and the whole run talks to the page's origin only and leaves no
// cookie or stored data (R3). Real server (`dist/node/server.js`), real Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startDemoServer, type DemoServer } from './e2e/server.js';
import { expectEvidence, expectNoTrace, openPage } from './e2e/evidence.js';
import { KINDS, person, submitKind, type Kind } from './e2e/forms.js';

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const PAGE: Record<Kind, string> = {
  registration: '/demo/product.html',
  warranty: '/demo/service.html#garantie',
  repair: '/demo/service.html#reparatie',
  installation: '/demo/service.html#installatie',
  complaint: '/demo/service.html#klacht',
  return: '/demo/service.html#retour',
  exchange: '/demo/service.html#retour',
};

describe('demo pages → API → database, one run per case kind (real Chromium, npm start)', () => {
  for (const kind of KINDS) {
    it(`${kind}: stored with consent evidence; the consumer sees the reference; no third party, no storage`, async () => {
      const url = `${server.url}${PAGE[kind]}`;
      const { context, page, traffic, problems, userAgent } = await openPage(browser, url);
      try {
        const who = person(`Anna-${kind}`);
        const prefilled = kind === 'registration';
        const { shown, event } = await submitKind(page, kind, who, prefilled ? {} : { brand: 'Bosch', model: 'WAN28K20NL' });
        expect(event).toEqual({ kind, reference: shown });
        const row = await expectEvidence(server, shown, { kind, locale: 'nl', pageUrl: page.url(), userAgent, firstName: who.firstName });
        expect(page.url()).toBe(url);
        // on the product page nobody typed brand or model: the element's prefill was stored
        expect(row).toMatchObject(prefilled ? { brand: 'Miele', model: 'WWD 320' } : { brand: 'Bosch', model: 'WAN28K20NL' });
        expect(row.postcode).toBe('1017 GC');
        await expectNoTrace(context, page, traffic, server.url);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    }, 60_000);
  }

  it('seven runs made seven cases, one of each kind', async () => {
    const rs = await server.db.execute('SELECT kind, count(*) AS n FROM cases GROUP BY kind ORDER BY kind');
    expect(rs.rows.map((r) => [r.kind, Number(r.n)])).toEqual([...KINDS].sort().map((k) => [k, 1]));
  });
});
