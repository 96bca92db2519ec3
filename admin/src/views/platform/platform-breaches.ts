import { html, nothing } from 'lit';
import type { PlatformBreachView } from '../../../../sdk/src/admin/breaches.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { call, errorText } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { formatDateTime } from '../../i18n/index.js';
import { complianceStyles } from '../compliance/compliance.styles.js';
import { deadlineStatus } from '../compliance/status.js';
import { breachFacts } from '../compliance/breach-facts.js';
import './breach-form.js';

/** @summary Operator: the breach register — every breach (never-notified ones too) with each affected tenant's notification time and 48-hour deadline. */
export class AdminPlatformBreaches extends AdminElement {
  static override styles = [AdminElement.styles, complianceStyles];
  static override properties = { items: { state: true }, error: { state: true } };
  declare items: PlatformBreachView[] | undefined;
  declare error: AdminClientError | undefined;

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    const { data, error } = await call(store.client.breaches.platform.list());
    this.items = data?.items;
    this.error = error;
  }

  async #notify(b: PlatformBreachView) {
    const { data, error } = await call(store.client.breaches.platform.notify(b.id));
    if (error) return (this.error = error), this.announce(errorText(error), true);
    this.announce(this.t('pbNotified', { count: data.noticesCreated }));
    await this.#load();
  }

  #breach(b: PlatformBreachView) {
    const unnotified = b.tenants.some((t) => !t.notifiedAt);
    return html`<article class="item" aria-labelledby=${`pb-${b.id}`}>
      <h2 id=${`pb-${b.id}`}>${this.t('brTitle', { at: formatDateTime(b.discoveredAt, store.locale) })}</h2>
      <dl class="facts"><dt>${this.t('brDiscovered')}</dt><dd>${formatDateTime(b.discoveredAt, store.locale)}</dd>
        <dt>${this.t('brDeadlineAt')}</dt><dd>${formatDateTime(b.deadlineAt, store.locale)}</dd>
        <dt>${this.t('pbRecorded')}</dt><dd>${formatDateTime(b.recordedAt, store.locale)} · ${b.recordedBy}</dd>${breachFacts(b)}</dl>
      ${b.tenants.length ? html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('pbTenantsCaption')}><table>
        <caption>${this.t('pbTenantsCaption')}</caption>
        <thead><tr><th scope="col">${this.t('pbTenant')}</th><th scope="col">${this.t('brNotified')}</th><th scope="col">${this.t('brDeadline')}</th><th scope="col">${this.t('brFollowUp')}</th></tr></thead>
        <tbody>${b.tenants.map((t) => html`<tr><th scope="row">${t.tenantName}</th><td>${t.notifiedAt ? formatDateTime(t.notifiedAt, store.locale) : this.t('pbNotNotified')}</td>
          <td>${deadlineStatus(t.deadline)}</td>
          <td class="wrap">${t.followUp ? `${t.followUp.reportedToAuthority ? this.t('pbReportedYes') : this.t('pbReportedNo')}${t.followUp.reportedAt ? ` (${formatDateTime(t.followUp.reportedAt, store.locale)})` : ''}: ${t.followUp.note}` : '—'}</td></tr>`)}</tbody>
      </table></div>` : html`<p>${this.t('pbNoTenants')}</p>`}
      ${unnotified ? html`<button type="button" class="primary" @click=${() => this.#notify(b)}>${this.t('pbNotify')}</button>` : nothing}
    </article>`;
  }

  override render() {
    const p = store.client.breaches.platform;
    return html`<p>${this.t('pbIntro')}</p>
      <div class="actions"><a class="button" download href=${p.csvUrl()}>${this.t('exportLogCsv')}</a><a class="button" download href=${p.csvUrl({ delimiter: 'semicolon' })}>${this.t('exportLogCsvExcel')}</a></div>
      ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
      ${!this.items ? (this.error ? nothing : html`<p role="status">${this.t('loading')}</p>`) : this.items.length ? this.items.map((b) => this.#breach(b)) : html`<p class="card">${this.t('brNone')}</p>`}
      <admin-breach-form @recorded=${() => this.#load()}></admin-breach-form>`;
  }
}
customElements.define('admin-platform-breaches', AdminPlatformBreaches);
