import { html } from 'lit';
import { AdminView } from '../../base/admin-element.js';
import { subNav, subNavStyles } from '../../components/sub-nav/sub-nav.js';
import './export-log.js';
import './audit-log.js';

/** @summary Owners and auditors: the export/print log (R7, R8) and the audit log with chain verification (R17). */
export class AdminLogs extends AdminView {
  static override styles = [AdminView.styles, subNavStyles];
  static override properties = { tab: {} };
  declare tab: string;

  constructor() {
    super();
    this.tab = 'exports';
  }

  override render() {
    const audit = this.tab === 'audit';
    return html`<h1>${this.t('logsTitle')}: ${audit ? this.t('tabAuditLog') : this.t('tabExportLog')}</h1>
      ${subNav(this.t('logsNav'), [
        { path: '/logs/exports', label: this.t('tabExportLog'), current: !audit },
        { path: '/logs/audit', label: this.t('tabAuditLog'), current: audit },
      ])}
      ${audit ? html`<admin-audit-log></admin-audit-log>` : html`<admin-export-log></admin-export-log>`}`;
  }
}
customElements.define('admin-logs', AdminLogs);
