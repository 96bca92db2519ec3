// End to end (issue 3, "nothing typed is ever lost"): a server that fails the first two
// attempts still yields exactly one case, and the consumer sees its reference. A small proxy
// (test/e2e/failing-proxy.ts) sits between the browser and the real server; the page is loaded
// through it, so the widget's API origin is the proxy's. That origin is a second retailer site
// of the demo tenant with its own key (`aftercare key create --origin <proxy>`), which the proxy
// puts in the pages it serves where the Node host put the demo key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startDemoServer, type DemoServer } from './e2e/server.js';
import { expectEvidence, expectNoTrace, openPage } from './e2e/evidence.js';
import { person, submitKind } from './e2e/forms.js';
import { startFailingProxy, type FailingProxy } from './e2e/failing-proxy.js';

let server: DemoServer;
let browser: Browser;
const proxies: FailingProxy[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
});
afterAll(async () => {
  await Promise.all(proxies.map((p) => p.close()));
  await browser?.close();
  await server?.stop();
});

async function proxy(mode: 'refuse' | 'lose-answer') {
  const p = await startFailingProxy({ target: server.url, failures: 2, mode, demoKey: server.publishableKey });
  proxies.push(p);
  p.setPageKey(await server.createKey([p.url]));
  return p;
}

describe('a server that fails the first two attempts (real Chromium, npm start behind a proxy)', () => {
  for (const [mode, what] of [
    ['refuse', 'two 503s that never reached the server'],
    ['lose-answer', 'two stored cases whose answers were lost (503 on the way back)'],
  ] as const) {
    it(`${what}: exactly one case, one Idempotency-Key, and the consumer sees the reference`, async () => {
      const p = await proxy(mode);
      const before = await server.countCases();
      const url = `${p.url}/demo/service.html#reparatie`;
      const { context, page, traffic, userAgent } = await openPage(browser, url);
      try {
        const who = person(`Retry-${mode}`);
        const { shown, event } = await submitKind(page, 'repair', who);
        expect(event.reference).toBe(shown);
        expect(p.posts.map((x) => x.status)).toEqual([503, 503, 201]);
        // when the lost attempts did reach the server, the last one is answered from the stored case
        expect(p.posts[2]!.replayed).toBe(mode === 'lose-answer');
        expect(new Set(p.posts.map((x) => x.idempotencyKey)).size).toBe(1);
        expect(p.posts[0]!.idempotencyKey).not.toBe('');
        expect(await server.countCases()).toBe(before + 1);
        await expectEvidence(server, shown, { kind: 'repair', locale: 'nl', pageUrl: url, userAgent, firstName: who.firstName });
        await expectNoTrace(context, page, traffic, p.url);
      } finally {
        await context.close();
      }
    }, 60_000);
  }
});
