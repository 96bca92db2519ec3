import { html, nothing } from 'lit';
import type { TenantBreachView } from '../../../../sdk/src/admin/breaches.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { saveFile } from '../../components/download.js';
import { call, errorText } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { formatDateTime } from '../../i18n/index.js';
import { complianceStyles } from './compliance.styles.js';
import { deadlineStatus } from './status.js';
import { breachFacts } from './breach-facts.js';
import './breach-follow-up.js';

/** @summary The breaches this tenant was notified of, each with its 48-hour deadline in words; owners record their follow-up. */
export class AdminBreaches extends AdminElement {
  static override styles = [AdminElement.styles, complianceStyles];
  static override properties = { manage: { type: Boolean }, items: { state: true }, error: { state: true } };
  declare manage: boolean;
  declare items: TenantBreachView[] | undefined;
  declare error: AdminClientError | undefined;

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    const { data, error } = await call(store.client.breaches.list());
    this.items = data?.items;
    this.error = error;
  }

  async #json() {
    const { data, error } = await call(store.client.breaches.exportJson());
    if (error) return this.announce(errorText(error), true);
    saveFile(`breaches-${data.exportedAt.slice(0, 10)}.json`, JSON.stringify(data, null, 2), 'application/json');
    this.announce(this.t('downloadStarted'));
  }

  #breach(b: TenantBreachView) {
    return html`<article class="item" aria-labelledby=${`b-${b.id}`}>
      <h2 id=${`b-${b.id}`}>${this.t('brTitle', { at: formatDateTime(b.discoveredAt, store.locale) })}</h2>
      <dl class="facts">
        <dt>${this.t('brDiscovered')}</dt><dd>${formatDateTime(b.discoveredAt, store.locale)}</dd>
        <dt>${this.t('brDeadlineAt')}</dt><dd>${formatDateTime(b.deadlineAt, store.locale)}</dd>
        <dt>${this.t('brNotified')}</dt><dd>${formatDateTime(b.notifiedAt, store.locale)}</dd>
        <dt>${this.t('brDeadline')}</dt><dd>${deadlineStatus(b.deadline)}</dd>
        ${breachFacts(b)}
      </dl>
      <h3>${this.t('brFollowUp')}</h3>
      ${b.followUp
        ? html`<dl class="facts"><dt>${this.t('brReported')}</dt><dd>${b.followUp.reportedToAuthority ? this.t('yes') : this.t('no')}</dd>
            ${b.followUp.reportedAt ? html`<dt>${this.t('brReportedAt')}</dt><dd>${formatDateTime(b.followUp.reportedAt, store.locale)}</dd>` : nothing}
            <dt>${this.t('brNote')}</dt><dd class="pre">${b.followUp.note}</dd>
            <dt>${this.t('brRecordedBy')}</dt><dd>${formatDateTime(b.followUp.at, store.locale)}${b.followUp.userName ? ` · ${b.followUp.userName}` : ''}</dd></dl>`
        : html`<p>${this.t('brNoFollowUp')}</p>`}
      ${this.manage ? html`<admin-breach-follow-up .breach=${b} @saved=${() => this.#load()}></admin-breach-follow-up>` : nothing}
    </article>`;
  }

  override render() {
    if (!this.items) return this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : html`<p role="status">${this.t('loading')}</p>`;
    const b = store.client.breaches;
    return html`<p>${this.t('brIntro')}</p>
      <div class="actions">
        <a class="button" download href=${b.csvUrl()}>${this.t('exportLogCsv')}</a>
        <a class="button" download href=${b.csvUrl({ delimiter: 'semicolon' })}>${this.t('exportLogCsvExcel')}</a>
        <button type="button" @click=${this.#json}>${this.t('exportLogJson')}</button>
      </div>
      ${this.items.length ? this.items.map((x) => this.#breach(x)) : html`<p class="card">${this.t('brNone')}</p>`}`;
  }
}
customElements.define('admin-breaches', AdminBreaches);
