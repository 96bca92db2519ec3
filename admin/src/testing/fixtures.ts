import { resetStore, store } from '../state/store.js';
import type { AftercareAdmin } from '../app/admin-app.js';
import '../app/admin-app.js';

/**
 * The real API behind the test server (test/wtr/api.mjs): /v1/admin/* is forwarded with the
 * Host kept, so the page's cookie session, CSRF header and Origin work as on the real host.
 * The seeded users share one password; `wrongpw` is kept for failed sign-ins.
 */
export type Role = 'owner' | 'staff' | 'auditor' | 'partner' | 'operator' | 'wrongpw' | 'totp';
/** `signIn` is what the user types: `<login code>@<slug>` (the operator: the code). */
type AdminFixtures = { orgId: string; slug: string; users: Record<Role, { id: string; loginCode: string; signIn: string; password: string; totpSecret?: string }>; cases: { id: string; reference: string; kind: string }[] };

export function fixtures(): AdminFixtures {
  const f = (window as unknown as { __AFTERCARE_TEST__?: { admin?: AdminFixtures } }).__AFTERCARE_TEST__?.admin;
  if (!f) throw new Error('window.__AFTERCARE_TEST__.admin is missing: test/wtr/api.mjs seeds it');
  return f;
}

const csrf = { 'x-aftercare-csrf': '1', 'content-type': 'application/json' };

export async function apiSignIn(role: Role) {
  const u = fixtures().users[role];
  const res = await fetch('/v1/admin/auth/login', { method: 'POST', headers: csrf, body: JSON.stringify({ loginCode: u.signIn, password: u.password }) });
  if (!res.ok) throw new Error(`sign-in as ${role}: ${res.status} ${await res.text()}`);
}

export async function apiSignOut() {
  await fetch('/v1/admin/auth/logout', { method: 'POST', headers: csrf });
}

export async function apiMe(): Promise<{ locale: string } | null> {
  const res = await fetch('/v1/admin/me');
  return res.ok ? res.json() : null;
}

let mounted: AftercareAdmin | undefined;

/** A fresh store and <aftercare-admin> at `hash`, after the first `me` answer. */
export async function mountApp(hash = '#/cases', locale?: 'nl' | 'en'): Promise<AftercareAdmin> {
  mounted?.remove();
  history.replaceState(null, '', hash);
  const s = resetStore();
  if (locale) s.locale = locale;
  const el = document.createElement('aftercare-admin');
  document.body.append(el);
  mounted = el;
  await until(() => store.ready, 'the first /me answer');
  await el.updateComplete;
  return el;
}

export async function until(check: () => unknown, what: string, timeoutMs = 8000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Every match of `selector` in `root` and all shadow roots below it. */
export function deepAll<T extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): T[] {
  const out: T[] = [...root.querySelectorAll<T>(selector)];
  if (root instanceof Element && root.shadowRoot) out.push(...deepAll<T>(root.shadowRoot, selector));
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) out.push(...deepAll<T>(el.shadowRoot, selector));
  return out;
}
/** Matches of `selector` inside the element `host` (found anywhere below `root`). */
export function within<T extends Element = HTMLElement>(root: Element, host: string, selector: string): T[] {
  const h = deep(root, host);
  return h ? deepAll<T>(h, selector) : [];
}
export const deep = <T extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): T | undefined => deepAll<T>(root, selector)[0];

/** The focused element through shadow roots. */
export function active(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** The current view's h1 text, once it matches. */
export async function heading(app: Element, match: RegExp | string): Promise<HTMLElement> {
  let h: HTMLElement | undefined;
  await until(() => {
    h = deepAll(app, 'h1').find((x) => (typeof match === 'string' ? x.textContent?.trim() === match : match.test(x.textContent ?? '')));
    return h;
  }, `an h1 matching ${match}`);
  return h!;
}

export const button = (app: Element, text: string | RegExp) =>
  deepAll<HTMLButtonElement>(app, 'button').find((b) => (typeof text === 'string' ? b.textContent?.trim() === text : text.test(b.textContent ?? '')));

/** A new repair case through the public API (as the widget sends it), for a subject named `lastName`. */
export async function submitCase(lastName: string): Promise<{ id: string; reference: string }> {
  const { apiBase, publishableKey } = (window as unknown as { __AFTERCARE_TEST__: { apiBase: string; publishableKey: string } }).__AFTERCARE_TEST__;
  const headers = { authorization: `Bearer ${publishableKey}` };
  const config = await (await fetch(`${apiBase}/v1/config`, { headers })).json();
  const text = config.consentTexts.nl;
  const res = await fetch(`${apiBase}/v1/cases`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      kind: 'repair',
      subject: { firstName: 'Wim', lastName, street: 'Kerkstraat', houseNumber: '3', postcode: '3511ab', city: 'Utrecht', email: `${lastName.toLowerCase()}@example.nl`, phone: '0612345678' },
      product: { brand: 'Bosch', model: 'Serie 6', purchaseDate: '2024-01-10' },
      details: { description: 'De vaatwasser pompt het water niet weg.' },
      consent: { accepted: true, textId: text.id, textHash: text.hash, locale: 'nl', privacyUrl: config.privacyUrl },
    }),
  });
  if (res.status !== 201) throw new Error(`submit: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The current RFC 6238 code (HMAC-SHA1, 30 s, 6 digits) for a base32 secret, via WebCrypto. */
export async function totpCode(secret: string, at = Date.now()): Promise<string> {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of secret) {
    value = (value << 5) | alphabet.indexOf(ch);
    bits += 5;
    if (bits >= 8) (bytes.push((value >>> (bits - 8)) & 255), (bits -= 8));
  }
  const counter = new DataView(new ArrayBuffer(8));
  counter.setUint32(4, Math.floor(at / 1000 / 30));
  const key = await crypto.subtle.importKey('raw', new Uint8Array(bytes), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, counter.buffer));
  const o = mac[19]! & 15;
  const n = ((mac[o]! & 127) << 24) | (mac[o + 1]! << 16) | (mac[o + 2]! << 8) | mac[o + 3]!;
  return String(n % 1_000_000).padStart(6, '0');
}
