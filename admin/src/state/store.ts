import { createAdminClient, type AdminClient } from '../../../sdk/src/admin-client/index.js';
import { EN, NL, browserLocale, format, type AdminLocale, type MessageKey } from '../i18n/index.js';
import type { Me } from './me.js';

export type Announcement = { text: string; assertive: boolean; at: number };

/**
 * The page's one piece of shared state: the API client (cookie mode: same origin, CSRF header),
 * the language, who is signed in, and what to announce. Elements re-render on `change`.
 * Nothing is kept in the browser besides the session cookie the server sets.
 */
export class AdminStore extends EventTarget {
  client: AdminClient;
  locale: AdminLocale;
  me: Me | null = null;
  /** False until the first `me.get()` has answered. */
  ready = false;
  /** A message the sign-in view shows once (signed out, session expired). */
  notice: MessageKey | null = null;
  announcement: Announcement | null = null;

  constructor(o: { baseUrl?: string; fetch?: typeof fetch } = {}) {
    super();
    this.client = createAdminClient({ baseUrl: o.baseUrl ?? '', fetch: o.fetch });
    this.locale = browserLocale();
  }

  t(key: MessageKey, vars?: Record<string, string | number>): string {
    return format((this.locale === 'en' ? EN : NL)[key] ?? key, vars);
  }

  changed() {
    this.dispatchEvent(new Event('change'));
  }

  setLocale(locale: AdminLocale) {
    if (locale === this.locale) return;
    this.locale = locale;
    document.documentElement.lang = locale;
    this.changed();
  }

  signedIn(me: Me) {
    this.me = me;
    this.ready = true;
    this.notice = null;
    this.setLocale(me.locale);
    this.changed();
  }

  signedOut(notice: MessageKey | null = null) {
    this.me = null;
    this.ready = true;
    this.notice = notice;
    this.changed();
  }

  /** Text for the page's live regions (polite: status; assertive: errors). */
  announce(text: string, assertive = false) {
    this.announcement = { text, assertive, at: Date.now() };
    this.dispatchEvent(new Event('announce'));
  }
}

export let store = new AdminStore();

/** Tests: a fresh store (and API client) for each mounted app. */
export function resetStore(o?: ConstructorParameters<typeof AdminStore>[0]): AdminStore {
  store = new AdminStore(o);
  return store;
}
