import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { runNode } from '../spawn.js';
import type { DemoServer } from '../e2e/server.js';

export const SHOTS = path.resolve('test-results/screenshots');

/** `admin-e2e-<nn>-<step>.png`, numbered in the order they are taken. */
export function shooter() {
  let n = 0;
  return (page: Page, step: string, o: { fullPage?: boolean } = {}) =>
    page.screenshot({ path: path.join(SHOTS, `admin-e2e-${String(++n).padStart(2, '0')}-${step}.png`), fullPage: o.fullPage ?? true, animations: 'disabled', caret: 'hide' });
}

/**
 * `aftercare user create` of the server's own build copy (startDemoServer keeps it beside the
 * database file), with the password from AFTERCARE_PASSWORD as an operator would.
 */
export async function cliUser(server: DemoServer, o: { role: string; loginCode: string; name: string; password: string }) {
  const app = path.join(path.dirname(server.databaseUrl.slice('file:'.length)), 'app');
  const args = ['user', 'create', '--tenant', server.tenantId, '--role', o.role, '--login-code', o.loginCode, '--name', o.name, '--json'];
  const r = await runNode(path.join(app, 'dist/node/cli.js'), args, { DATABASE_URL: server.databaseUrl, AFTERCARE_PASSWORD: o.password });
  if (r.code !== 0) throw new Error(`user create failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as { id: string; loginCode: string };
}

/** Every `/v1/admin/…` response body the page received, from now on (awaited by `bodies()`). */
export function recordAdminResponses(page: Page) {
  const pending: Promise<{ url: string; status: number; body: string }>[] = [];
  page.on('response', (r) => {
    if (!new URL(r.url()).pathname.startsWith('/v1/admin/')) return;
    pending.push(r.text().then((body) => ({ url: r.url(), status: r.status(), body }), () => ({ url: r.url(), status: r.status(), body: '' })));
  });
  return { bodies: () => Promise.all(pending) };
}

const h1 = (page: Page) => page.locator('h1').first();

/** Waits until the view's `h1` matches. */
export async function heading(page: Page, title: RegExp | string) {
  await expect.poll(() => h1(page).textContent(), { timeout: 15_000 }).toMatch(title);
}

/** Follows a main-menu link and waits for the view. */
export async function menu(page: Page, name: string, title: RegExp | string) {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click();
  await heading(page, title);
}

/** The visible text of the page, shadow roots included (what a person can read). */
export const visibleText = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    const walk = (n: Node) => {
      if (n.nodeType === Node.TEXT_NODE) {
        const el = n.parentElement;
        if (el && !['STYLE', 'SCRIPT'].includes(el.tagName) && el.checkVisibility() && n.textContent!.trim()) out.push(n.textContent!.trim());
        return;
      }
      if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
      n.childNodes.forEach(walk);
    };
    walk(document.body);
    return out.join(' ');
  });

/**
 * After an owner's sign-in: the cases list, or first the processor agreement when a version is
 * waiting for the owner's acceptance (the gate) — accepted through its button, then the list.
 */
export async function ownerLanded(page: Page) {
  await expect.poll(() => h1(page).textContent(), { timeout: 15_000 }).toMatch(/^(Zaken|Verwerkersovereenkomst)$/);
  if ((await h1(page).textContent()) === 'Verwerkersovereenkomst') {
    await page.getByRole('button', { name: /^Versie \d+ accepteren$/ }).click();
  }
  await heading(page, 'Zaken');
}
