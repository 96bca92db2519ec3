/** The admin page speaks Dutch first, English second. */
export const LOCALES = ['nl', 'en'] as const;
export type AdminLocale = (typeof LOCALES)[number];

/** Before sign-in: the browser's language when it is English, else Dutch. */
export function browserLocale(langs: readonly string[] = typeof navigator < 'u' ? navigator.languages : []): AdminLocale {
  for (const tag of langs) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (primary === 'nl') return 'nl';
    if (primary === 'en') return 'en';
  }
  return 'nl';
}

/** `format('{n} zaken', { n: 3 })` → `3 zaken`. */
export const format = (text: string, vars: Record<string, string | number> = {}) =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => String(vars[k] ?? m));

const TAG: Record<AdminLocale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** A date and time (epoch ms or ISO 8601) as people read it in `locale`. */
export function formatDateTime(at: number | string | null | undefined, locale: AdminLocale): string {
  if (at === null || at === undefined || at === '') return '—';
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  return new Intl.DateTimeFormat(TAG[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatDate(value: number | string | null | undefined, locale: AdminLocale): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return new Intl.DateTimeFormat(TAG[locale], { dateStyle: 'medium' }).format(d);
}

/** A compact date and time for table cells: `22-11-26 22:58`. */
export function formatShortDateTime(at: number | string | null | undefined, locale: AdminLocale): string {
  if (at === null || at === undefined || at === '') return '—';
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  return new Intl.DateTimeFormat(TAG[locale], { day: '2-digit', month: '2-digit', year: '2-digit', hour: '2-digit', minute: '2-digit' }).format(d);
}
