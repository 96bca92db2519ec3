import type { Locale } from '../../../sdk/src/schemas/fields.js';
import type { MessageKey, Messages } from './nl.js';

export type { Locale, MessageKey, Messages };

/** One chunk per locale: a page downloads only the table it shows. */
const LOADERS: Record<Locale, () => Promise<{ default: Messages }>> = {
  nl: () => import('./nl.js'),
  en: () => import('./en.js'),
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
};

const cache = new Map<Locale, Promise<Messages>>();

/** The message table of `locale`, loaded once per page. */
export function loadMessages(locale: Locale): Promise<Messages> {
  let p = cache.get(locale);
  if (!p) {
    p = LOADERS[locale]().then((m) => m.default);
    p.catch(() => cache.delete(locale)); // a failed chunk load may be retried
    cache.set(locale, p);
  }
  return p;
}

export const isLocale = (x: unknown): x is Locale => typeof x === 'string' && x in LOADERS;

/**
 * The widget's language: the `locale` attribute when supported, else the primary subtag of the
 * page's `<html lang>` when supported, else Dutch. Reads the document only when called.
 */
export function resolveLocale(attr: string | null | undefined): Locale {
  const pick = (s: string | null | undefined) => s?.trim().toLowerCase().split(/[-_]/)[0];
  const own = pick(attr);
  if (isLocale(own)) return own;
  const page = pick(typeof document === 'undefined' ? '' : document.documentElement.lang);
  return isLocale(page) ? page : 'nl';
}

/** `format('Stap {n} van {total}', { n: 2, total: 5 })` → `Stap 2 van 5`. */
export function format(text: string, vars: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
