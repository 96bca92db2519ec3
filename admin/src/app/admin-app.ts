import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { AdminElement } from '../base/admin-element.js';
import { shared } from '../base/shared.styles.js';
import { appStyles } from './app.styles.js';
import { parseHash, navigate, href, type Route } from '../router/routes.js';
import { NAV, homeOf, mayView } from '../router/access.js';
import { call, errorText } from '../state/errors.js';
import { store } from '../state/store.js';
import type { AdminLocale, MessageKey } from '../i18n/index.js';
import { renderView } from './views.js';
import '../views/sign-in/sign-in.js';
import '../views/notices/unread-count.js';
import '../views/agreement/banner.js';

const ROLE_KEY = { owner: 'roleOwner', staff: 'roleStaff', auditor: 'roleAuditor', partner: 'rolePartner', operator: 'roleOperator' } as const satisfies Record<string, MessageKey>;

/**
 * @summary The admin page: sign-in until there is a session, then the shell — header with the
 * language switch and sign-out, navigation limited to what the role may do, the current view,
 * and the live regions every view announces through.
 */
export class AftercareAdmin extends AdminElement {
  static override styles = [shared, appStyles];
  static override properties = { route: { state: true } };
  declare route: Route;
  #onHash = () => this.#routeChanged();
  #onAnnounce = () => void this.#announce();

  constructor() {
    super();
    this.route = parseHash(location.hash);
  }

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHash);
    store.addEventListener('announce', this.#onAnnounce);
    document.documentElement.lang = store.locale;
    void this.#loadMe();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHash);
    store.removeEventListener('announce', this.#onAnnounce);
  }

  async #loadMe() {
    const { data, error } = await store.client.me.get();
    if (data) store.signedIn(data);
    else store.signedOut(error?.code === 'session_expired' ? 'err_session_expired' : null);
  }

  #routeChanged() {
    this.route = parseHash(location.hash);
  }

  override willUpdate() {
    const me = store.me;
    // Signed in on the sign-in route (or just now): go to the role's start page.
    if (me && (this.route.name === 'sign-in' || this.route.name === 'home')) navigate(homeOf(me.role), undefined, true);
  }

  async #announce() {
    const a = store.announcement;
    if (!a) return;
    const region = this.renderRoot.querySelector<HTMLElement>(a.assertive ? '#alert' : '#status');
    if (!region) return;
    region.textContent = '';
    await new Promise((r) => setTimeout(r, 50));
    region.textContent = a.text;
  }

  async #switchLocale() {
    const next: AdminLocale = store.locale === 'nl' ? 'en' : 'nl';
    store.setLocale(next);
    this.announce(this.t('languageChanged'));
    if (store.me) {
      const { data, error } = await call(store.client.me.update({ locale: next }));
      if (data) store.me = { ...store.me, locale: next };
      else if (error) this.announce(errorText(error), true);
    }
  }

  async #signOut() {
    await store.client.auth.logout();
    store.signedOut('signedOut');
    navigate('/sign-in', undefined, true);
  }

  #focusMain() {
    const view = this.renderRoot.querySelector('main > *') as HTMLElement | null;
    const h1 = (view?.shadowRoot ?? view)?.querySelector('h1') as HTMLElement | null;
    h1?.setAttribute('tabindex', '-1');
    h1?.focus();
  }

  #langButton() {
    const other: AdminLocale = store.locale === 'nl' ? 'en' : 'nl';
    return html`<button type="button" lang=${other} @click=${this.#switchLocale} aria-label=${`${this.t('language')}: ${other === 'en' ? this.t('languageEn') : this.t('languageNl')}`}>
      ${other === 'en' ? 'English' : 'Nederlands'}
    </button>`;
  }

  #liveRegions() {
    return html`<div id="status" class="sr-only" role="status" aria-live="polite"></div><div id="alert" class="sr-only" role="alert" aria-live="assertive"></div>`;
  }

  override render() {
    if (!store.ready) return html`<main class="narrow"><p role="status">${this.t('loading')}</p></main>${this.#liveRegions()}`;
    const me = store.me;
    if (!me) {
      return html`<div class="signin-head"><p class="brand">${this.t('appTitle')}</p>${this.#langButton()}</div>
        <main class="narrow"><admin-sign-in></admin-sign-in></main>${this.#liveRegions()}`;
    }
    const route = this.route;
    const allowed = mayView(me.role, route.name);
    const current = NAV.find((n) => route.name === n.name || route.name === n.name.replace(/s$/, ''));
    return html`
      <button type="button" class="skip" @click=${this.#focusMain}>${this.t('skipToContent')}</button>
      <header>
        <div class="bar">
          <p class="brand">${this.t('appTitle')}${me.tenant ? html` <span class="tenant">· ${me.tenant.name}</span>` : nothing}</p>
          <div class="who">
            <span class="name">${this.t('signedInAs', { name: me.displayName, role: this.t(ROLE_KEY[me.role]) })}</span>
            ${this.#langButton()}
            <button type="button" @click=${this.#signOut}>${this.t('signOut')}</button>
          </div>
        </div>
      </header>
      <nav aria-label=${this.t('mainNav')}>
        <ul>
          ${NAV.filter((n) => mayView(me.role, n.name)).map(
            (n) => html`<li><a href=${href(n.path)} aria-current=${current === n ? 'page' : nothing}>${this.t(n.label)}${n.name === 'notices' ? html`<admin-unread-count></admin-unread-count>` : nothing}</a></li>`,
          )}
        </ul>
      </nav>
      <admin-agreement-banner></admin-agreement-banner>
      <main>${keyed(`${route.name}/${JSON.stringify(route.params)}`, allowed ? renderView(route) : this.#forbidden())}</main>
      ${this.#liveRegions()}
    `;
  }

  #forbidden(): TemplateResult {
    return renderView({ name: 'not-found', params: {}, query: new URLSearchParams() });
  }
}

customElements.define('aftercare-admin', AftercareAdmin);
declare global {
  interface HTMLElementTagNameMap {
    'aftercare-admin': AftercareAdmin;
  }
}
