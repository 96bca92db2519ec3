import { html } from 'lit';
import { AdminView } from '../../base/admin-element.js';
import { subNav, subNavStyles } from '../../components/sub-nav/sub-nav.js';
import type { MessageKey } from '../../i18n/index.js';
import './tenant-settings.js';
import './consent-texts.js';
import './users.js';
import './organisations.js';
import './api-keys.js';

const TABS: [string, MessageKey][] = [['tenant', 'tabTenant'], ['consent', 'tabConsent'], ['users', 'tabUsers'], ['organisations', 'tabOrgs'], ['api-keys', 'tabKeys']];

/** @summary Owner settings, one part at a time (`#/settings/<part>`). */
export class AdminSettings extends AdminView {
  static override styles = [AdminView.styles, subNavStyles];
  static override properties = { tab: {} };
  declare tab: string;

  constructor() {
    super();
    this.tab = 'tenant';
  }

  #panel() {
    switch (this.tab) {
      case 'consent': return html`<admin-consent-texts></admin-consent-texts>`;
      case 'users': return html`<admin-users></admin-users>`;
      case 'organisations': return html`<admin-organisations></admin-organisations>`;
      case 'api-keys': return html`<admin-api-keys></admin-api-keys>`;
      default: return html`<admin-tenant-settings></admin-tenant-settings>`;
    }
  }

  override render() {
    const current = TABS.find(([id]) => id === this.tab) ?? TABS[0]!;
    return html`<h1>${this.t('settingsTitle')}: ${this.t(current[1])}</h1>
      ${subNav(this.t('settingsNav'), TABS.map(([id, label]) => ({ path: `/settings/${id}`, label: this.t(label), current: id === current[0] })))}
      ${this.#panel()}`;
  }
}
customElements.define('admin-settings', AdminSettings);
