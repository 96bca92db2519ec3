import { html } from 'lit';
import type { PlatformStatistics } from '../../../../sdk/src/admin/stats.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { call, errorText } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { complianceStyles } from '../compliance/compliance.styles.js';
import { barChart, chartStyles } from '../compliance/chart.js';
import { statsCharts } from '../compliance/stats-charts.js';

/** @summary Operator: statistics across every tenant, plus each tenant's total (counts under 5 shown as "< 5"). */
export class AdminPlatformStatistics extends AdminElement {
  static override styles = [AdminElement.styles, complianceStyles, chartStyles];
  static override properties = { stats: { state: true }, error: { state: true } };
  declare stats: PlatformStatistics | undefined;
  declare error: AdminClientError | undefined;

  override connectedCallback() {
    super.connectedCallback();
    void call(store.client.stats.platform({ months: 12 })).then(({ data, error }) => ((this.stats = data), (this.error = error)));
  }

  override render() {
    const s = this.stats;
    if (!s) return this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : html`<p role="status">${this.t('loading')}</p>`;
    return html`<p>${this.t('psStatsIntro')}</p>
      ${barChart('pt-tenants', this.t('statByTenant'), s.tenants.map((x) => ({ ...x, label: x.name })), [this.t('pbTenant'), this.t('statCount')])}
      ${statsCharts(s, 'pt')}`;
  }
}
customElements.define('admin-platform-statistics', AdminPlatformStatistics);
