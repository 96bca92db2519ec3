import { html } from 'lit';
import { can } from '../../../../sdk/src/admin/roles.js';
import { AdminView } from '../../base/admin-element.js';
import { subNav, subNavStyles } from '../../components/sub-nav/sub-nav.js';
import type { MessageKey } from '../../i18n/index.js';
import './register.js';
import './subprocessors.js';
import './breaches.js';
import './retention.js';
import './statistics.js';
import './webhooks.js';
import './audit-proof.js';

const TABS: [string, MessageKey][] = [
  ['register', 'tabRegister'], ['subprocessors', 'tabSubprocessors'], ['breaches', 'tabBreaches'], ['retention', 'tabRetention'],
  ['statistics', 'tabStatistics'], ['webhooks', 'tabWebhooks'], ['audit', 'tabAuditProof'],
];

/**
 * @summary Privacy & compliance for owners (who act) and auditors (who read): the art. 30
 * register, sub-processors, breaches, retention, statistics, webhooks and the provable audit log.
 */
export class AdminCompliance extends AdminView {
  static override styles = [AdminView.styles, subNavStyles];
  static override properties = { tab: {} };
  declare tab: string;

  constructor() {
    super();
    this.tab = 'register';
  }

  #panel(tab: string, manage: boolean) {
    switch (tab) {
      case 'subprocessors': return html`<admin-subprocessors .manage=${manage}></admin-subprocessors>`;
      case 'breaches': return html`<admin-breaches .manage=${manage}></admin-breaches>`;
      case 'retention': return html`<admin-retention .manage=${manage}></admin-retention>`;
      case 'statistics': return html`<admin-statistics></admin-statistics>`;
      case 'webhooks': return html`<admin-webhooks .manage=${manage}></admin-webhooks>`;
      case 'audit': return html`<admin-audit-proof></admin-audit-proof>`;
      default: return html`<admin-register .manage=${manage}></admin-register>`;
    }
  }

  override render() {
    const current = TABS.find(([id]) => id === this.tab) ?? TABS[0]!;
    const manage = !!this.store.me && can(this.store.me.role, 'registers.manage');
    return html`<h1>${this.t('privacyTitle')}: ${this.t(current[1])}</h1>
      ${subNav(this.t('privacyNav'), TABS.map(([id, label]) => ({ path: `/privacy/${id}`, label: this.t(label), current: id === current[0] })))}
      ${this.#panel(current[0], manage)}`;
  }
}
customElements.define('admin-compliance', AdminCompliance);
