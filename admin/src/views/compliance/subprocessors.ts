import { html, nothing } from 'lit';
import type { TenantSubprocessorList } from '../../../../sdk/src/admin/register.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { call, errorText } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { formatDate, formatDateTime } from '../../i18n/index.js';
import { complianceStyles } from './compliance.styles.js';
import type { AdminReasonDialog } from './reason-dialog.js';
import './reason-dialog.js';

type Item = TenantSubprocessorList['items'][number];

/** @summary Sub-processors (upcoming ones marked) with this tenant's objections; owners object with a reason. */
export class AdminSubprocessors extends AdminElement {
  static override styles = [AdminElement.styles, complianceStyles];
  static override properties = { manage: { type: Boolean }, items: { state: true }, error: { state: true } };
  declare manage: boolean;
  declare items: Item[] | undefined;
  declare error: AdminClientError | undefined;

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    const { data, error } = await call(store.client.register.subprocessors());
    this.items = data?.items;
    this.error = error;
  }

  async #object(s: Item) {
    const dialog = this.renderRoot.querySelector<AdminReasonDialog>('admin-reason-dialog')!;
    dialog.heading = this.t('spObjectTitle', { name: s.name });
    const done = await dialog.open(async (reason) => (await call(store.client.register.object(s.id, { reason }))).error);
    if (!done) return;
    this.announce(this.t('spObjected', { name: s.name }));
    await this.#load();
  }

  #state(s: Item) {
    if (s.endedAt) return html`<span class="badge">${this.t('spEnded', { date: formatDate(s.endedAt, store.locale) })}</span>`;
    if (s.upcoming) return html`<span class="badge">${this.t('spUpcoming')}</span>`;
    return html`${this.t('spActive')}`;
  }

  override render() {
    if (!this.items) return this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : html`<p role="status">${this.t('loading')}</p>`;
    return html`<p>${this.t('spIntro')}</p>
      ${!this.items.length ? html`<p class="card">${this.t('spNone')}</p>` : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('spCaption')}><table>
        <caption>${this.t('spCaption')}</caption>
        <thead><tr><th scope="col">${this.t('regName')}</th><th scope="col">${this.t('regPurpose')}</th><th scope="col">${this.t('regCountry')}</th>
          <th scope="col">${this.t('regSafeguards')}</th><th scope="col">${this.t('spStart')}</th><th scope="col">${this.t('spState')}</th>
          <th scope="col">${this.t('spObjections')}</th>${this.manage ? html`<th scope="col">${this.t('colActions')}</th>` : nothing}</tr></thead>
        <tbody>${this.items.map((s) => html`<tr>
          <th scope="row">${s.name}</th><td class="wrap">${s.purpose}</td><td>${s.location}${s.eea ? '' : html` <span class="badge">${this.t('spOutsideEea')}</span>`}</td>
          <td class="wrap">${s.safeguards ?? '—'}</td><td>${formatDate(s.startDate, store.locale)}</td><td>${this.#state(s)}</td>
          <td class="wrap">${s.objections.length ? s.objections.map((o) => html`<p>${formatDateTime(o.at, store.locale)}${o.userName ? ` · ${o.userName}` : ''}: ${o.reason}</p>`) : '—'}</td>
          ${this.manage ? html`<td>${s.endedAt ? '—' : html`<button type="button" @click=${() => this.#object(s)} aria-label=${`${this.t('spObject')}: ${s.name}`}>${this.t('spObject')}</button>`}</td>` : nothing}
        </tr>`)}</tbody>
      </table></div>`}
      <admin-reason-dialog field="reason" .label=${this.t('spReason')} .message=${this.t('spObjectText')} .submitLabel=${this.t('spObjectSubmit')}></admin-reason-dialog>`;
  }
}
customElements.define('admin-subprocessors', AdminSubprocessors);
