import { html } from 'lit';
import type { CaseStatistics } from '../../../../sdk/src/admin/stats.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { call, errorText } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { complianceStyles } from './compliance.styles.js';
import { chartStyles } from './chart.js';
import { statsCharts } from './stats-charts.js';

/** @summary Anonymised statistics of this tenant (R23): charts readable without colour, counts under 5 shown as "< 5". */
export class AdminStatistics extends AdminElement {
  static override styles = [AdminElement.styles, complianceStyles, chartStyles];
  static override properties = { stats: { state: true }, error: { state: true } };
  declare stats: CaseStatistics | undefined;
  declare error: AdminClientError | undefined;

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    const { data, error } = await call(store.client.stats.tenant({ months: 12 }));
    this.stats = data;
    this.error = error;
  }

  override render() {
    if (!this.stats) return this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : html`<p role="status">${this.t('loading')}</p>`;
    return html`<p>${this.t('statIntro')}</p>${statsCharts(this.stats, 'st')}`;
  }
}
customElements.define('admin-statistics', AdminStatistics);
