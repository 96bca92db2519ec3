import { html } from 'lit';
import { AdminView } from '../../base/admin-element.js';
import { subNav, subNavStyles } from '../../components/sub-nav/sub-nav.js';
import type { MessageKey } from '../../i18n/index.js';
import './profile.js';
import './platform-subprocessors.js';
import './platform-breaches.js';
import './platform-agreements.js';
import './platform-statistics.js';

const TABS: [string, MessageKey][] = [['profile', 'tabProfile'], ['subprocessors', 'tabSubprocessors'], ['breaches', 'tabBreaches'], ['agreements', 'tabAgreements'], ['statistics', 'tabStatistics']];

/** @summary The operator's side (R16–R18, R20, R21, R23): processor profile, sub-processors, breaches, agreement versions, cross-tenant statistics. */
export class AdminPlatform extends AdminView {
  static override styles = [AdminView.styles, subNavStyles];
  static override properties = { tab: {} };
  declare tab: string;

  constructor() {
    super();
    this.tab = 'profile';
  }

  #panel(tab: string) {
    switch (tab) {
      case 'subprocessors': return html`<admin-platform-subprocessors></admin-platform-subprocessors>`;
      case 'breaches': return html`<admin-platform-breaches></admin-platform-breaches>`;
      case 'agreements': return html`<admin-platform-agreements></admin-platform-agreements>`;
      case 'statistics': return html`<admin-platform-statistics></admin-platform-statistics>`;
      default: return html`<admin-platform-profile></admin-platform-profile>`;
    }
  }

  override render() {
    const current = TABS.find(([id]) => id === this.tab) ?? TABS[0]!;
    return html`<h1>${this.t('platformTitle')}: ${this.t(current[1])}</h1>
      ${subNav(this.t('platformNav'), TABS.map(([id, label]) => ({ path: `/platform/${id}`, label: this.t(label), current: id === current[0] })))}
      ${this.#panel(current[0])}`;
  }
}
customElements.define('admin-platform', AdminPlatform);
