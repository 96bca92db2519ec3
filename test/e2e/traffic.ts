import type { BrowserContext, Page } from 'playwright-core';

/** Everything a page sent over the network, and anything that would leave a trace (R3). */
export type Traffic = { requests: string[]; websockets: string[]; workers: string[] };

/** Records every request (incl. subresources, preflights show as requests too) from now on. */
export function recordTraffic(page: Page): Traffic {
  const t: Traffic = { requests: [], websockets: [], workers: [] };
  page.on('request', (r) => void t.requests.push(`${r.method()} ${r.url()}`));
  page.on('websocket', (w) => void t.websockets.push(w.url()));
  page.on('worker', (w) => void t.workers.push(w.url()));
  return t;
}

/** Requests that went anywhere but `origin` (`data:`/`blob:` URLs never leave the browser). */
export function foreignRequests(t: Traffic, origin: string): string[] {
  return t.requests.filter((r) => {
    const url = r.slice(r.indexOf(' ') + 1);
    return !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin;
  });
}

/** What the browser keeps for the page's origin: cookies and every kind of storage. */
export async function browserState(context: BrowserContext, page: Page) {
  const cookies = await context.cookies();
  const inPage = await page.evaluate(async () => ({
    documentCookie: document.cookie,
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((d) => d.name ?? ''),
    cacheStorage: 'caches' in self ? await caches.keys() : [],
    serviceWorkers: 'serviceWorker' in navigator ? (await navigator.serviceWorker.getRegistrations()).length : 0,
  }));
  return { cookies: cookies.map((c) => `${c.domain} ${c.name}`), ...inPage };
}

export const EMPTY_STATE = {
  cookies: [], documentCookie: '', localStorage: [], sessionStorage: [], indexedDB: [], cacheStorage: [], serviceWorkers: 0,
};
