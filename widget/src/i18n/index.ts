import type { Locale } from '../../../sdk/src/schemas/fields.js';
import type { MessageKey, Messages } from './nl.js';

export type { Locale, MessageKey, Messages };

/** One chunk per locale: a page downloads only the table it shows (the browser keeps it). */
const LOADERS: Record<Locale, () => Promise<{ default: Messages }>> = {
  nl: () => import('./nl.js'),
  en: () => import('./en.js'),
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
};

/** The message table of `locale`. */
export const loadMessages = (locale: Locale): Promise<Messages> => LOADERS[locale]().then((m) => m.default);

/**
 * The widget's language: the `locale` attribute when supported, else the primary subtag of the
 * page's `<html lang>` when supported, else Dutch. Reads the document only when called.
 */
export function resolveLocale(attr?: string | null): Locale {
  for (const tag of [attr, typeof document < 'u' ? document.documentElement.lang : '']) {
    const primary = tag?.toLowerCase().split(/[-_]/)[0];
    if (primary && primary in LOADERS) return primary as Locale;
  }
  return 'nl';
}

/** `format('Stap {n} van {total}', { n: 2, total: 5 })` → `Stap 2 van 5`. */
export const format = (text: string, vars: Record<string, string | number> = {}) =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => String(vars[k] ?? m));
