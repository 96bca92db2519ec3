import type { Locale } from '../../../sdk/src/schemas/fields.js';
import { M, type Messages } from './keys.js';

export { M, type Locale, type Messages };

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

/** Step ids in the order of their titles `M.sContact…` (the details step is titled by its form). */
export const STEPS = ['contact', 'product', 'consent', 'review', 'done'];
/** Field-error codes a form can produce, in the order of `M.eRequired…`. */
export const FIELD_ERRORS = [
  'required', 'too_short', 'too_long', 'duplicate', 'invalid_format', 'invalid_value', 'invalid_postcode',
  'invalid_phone', 'invalid_email', 'invalid_date', 'date_in_future', 'date_in_past', 'consent_required',
];
/** Submission/loading failures with their own text, in the order of `M.xNetworkError…`. */
export const FAILURES = ['network_error', 'timeout', 'internal', 'rate_limited', 'consent_mismatch'];

/** Text of a field-error code; one a form cannot produce reads "choose one of the options". */
export const errorKey = (code: string) => {
  const i = FIELD_ERRORS.indexOf(code);
  return (i < 0 ? M.eInvalidValue : M.eRequired + i) as M;
};

/** Text of a failure code; a key, origin or API URL the site got wrong reads `xSetup`. */
export const failureKey = (code: string) => {
  const i = FAILURES.indexOf(code);
  return (/^(missing|unauth|origin|not_found|method)/.test(code) ? M.xSetup : i < 0 ? M.xGeneric : M.xNetworkError + i) as M;
};
