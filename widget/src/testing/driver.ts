import { fixture, html, waitUntil } from '@open-wc/testing';
import type { AftercareForm } from '../form/aftercare-form.js';
import { testApi } from './api.js';

/** Test helpers that drive a form through its shadow DOM like a person with a mouse would. */
export type Form = AftercareForm;

export const CONTACT: Record<string, string> = {
  'subject.firstName': 'Jan',
  'subject.lastName': 'de Vries',
  'subject.street': 'Dorpsstraat',
  'subject.houseNumber': '12',
  'subject.postcode': '1234ab',
  'subject.city': 'Utrecht',
  'subject.email': 'jan@example.nl',
  'subject.phone': '06-12345678',
};
export const PRODUCT: Record<string, string> = { 'product.brand': 'Gazelle', 'product.model': 'Ultimate C380', 'product.purchaseDate': '2024-04-01' };

/** A date `days` from today (UTC), `YYYY-MM-DD`. */
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Mounts `<tag publishable-key api-base locale=nl …attrs>` against the real test API and waits until it shows a step or an error. */
export async function mount(tag: string, attrs: Record<string, string | undefined> = {}): Promise<Form> {
  const api = testApi();
  const all: Record<string, string | undefined> = { 'publishable-key': api.publishableKey, 'api-base': api.apiBase, locale: 'nl', ...attrs };
  const container = await fixture(html`<div></div>`);
  const el = document.createElement(tag) as Form;
  for (const [k, v] of Object.entries(all)) if (v !== undefined) el.setAttribute(k, v);
  container.append(el);
  await ready(el);
  return el;
}

export async function ready(el: Form) {
  // The localized error (a div), not the bare fallback shown while the locale is still loading.
  await waitUntil(() => el.shadowRoot?.querySelector('h2, div[role="alert"]'), 'the form did not render', { timeout: 8000 });
  await el.updateComplete;
}

export const root = (el: Form) => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: Form, sel: string) => root(el).querySelector<T>(sel);
export const $$ = <T extends Element = HTMLElement>(el: Form, sel: string) => [...root(el).querySelectorAll<T>(sel)];
export const heading = (el: Form) => $(el, 'h2')!.textContent!.trim();
export const control = (el: Form, name: string) => $<HTMLInputElement>(el, `[name="${name}"]`);
export const errorsShown = (el: Form) => $$(el, '.error').map((e) => e.textContent!.trim());
export const live = (el: Form) => $(el, '[role="status"]')!.textContent!.replace(/\u200b/g, '').trim();
export const primary = (el: Form) => $<HTMLButtonElement>(el, 'button.primary')!;

/** Sets a field as typing/choosing would (input + change events); radios and checkboxes are clicked. */
export async function set(el: Form, name: string, value: string | boolean) {
  if (typeof value === 'boolean') {
    const box = control(el, name)!;
    if (box.checked !== value) box.click();
  } else {
    const radio = $<HTMLInputElement>(el, `input[type="radio"][name="${name}"][value="${value}"]`);
    if (radio) radio.click();
    else {
      const c = control(el, name);
      if (!c) throw new Error(`no field ${name} on step ${el.step}`);
      c.value = value;
      c.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      c.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }
  }
  await el.updateComplete;
}

export async function fill(el: Form, values: Record<string, string | boolean>) {
  for (const [k, v] of Object.entries(values)) await set(el, k, v);
}

/** Clicks the primary button (Next / Send) and waits for the form to settle. */
export async function next(el: Form) {
  primary(el).click();
  await el.updateComplete;
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
}

/** Fills every step with valid data up to the review step. */
export async function toReview(el: Form, details: Record<string, string | boolean> = {}) {
  await fill(el, CONTACT);
  await next(el);
  await fill(el, PRODUCT);
  await next(el);
  if (el.step === 'details') {
    await fill(el, details);
    await next(el);
  }
  await set(el, 'consent', true);
  await next(el);
  if (el.step !== 'review') throw new Error(`stuck on ${el.step}: ${errorsShown(el).join(' | ')}`);
}

/** Cookies and storage as a page sees them (R3: the widget must leave them all untouched). */
export async function storageState() {
  const dbs = (await indexedDB.databases?.()) ?? [];
  return { cookie: document.cookie, local: localStorage.length, session: sessionStorage.length, idb: dbs.length };
}
