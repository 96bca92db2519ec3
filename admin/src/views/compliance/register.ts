import { html, nothing } from 'lit';
import type { RegisterDocument } from '../../../../sdk/src/admin/register.js';
import type { RegisterContact, Dpo } from '../../../../sdk/src/admin/platform.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { call, errorText } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { formatDate, formatDateTime } from '../../i18n/index.js';
import { complianceStyles } from './compliance.styles.js';
import './controller-form.js';

/** @summary The art. 30(2) register rendered from its JSON, with CSV and print links; owners edit the controller's contact and DPO. */
export class AdminRegister extends AdminElement {
  static override styles = [AdminElement.styles, complianceStyles];
  static override properties = { manage: { type: Boolean }, doc: { state: true }, error: { state: true } };
  declare manage: boolean;
  declare doc: RegisterDocument | undefined;
  declare error: AdminClientError | undefined;
  #lang = '';

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  override willUpdate() {
    if (this.#lang && this.#lang !== store.locale) void this.load();
  }

  async load() {
    this.#lang = store.locale;
    const { data, error } = await call(store.client.register.get({ lang: store.locale }));
    this.doc = data;
    this.error = error;
  }

  #contact(c: RegisterContact | null) {
    if (!c) return html`<p class="muted">${this.t('regNoContact')}</p>`;
    return html`<dl class="facts"><dt>${this.t('regName')}</dt><dd>${c.name}</dd><dt>${this.t('regAddress')}</dt><dd>${c.address}</dd>
      <dt>${this.t('regEmail')}</dt><dd>${c.email}</dd>${c.phone ? html`<dt>${this.t('regPhone')}</dt><dd>${c.phone}</dd>` : nothing}</dl>`;
  }

  #dpo(d: Dpo) {
    return html`<h4>${this.t('regDpo')}</h4>${d
      ? html`<dl class="facts"><dt>${this.t('regName')}</dt><dd>${d.name}</dd><dt>${this.t('regEmail')}</dt><dd>${d.email}</dd>${d.phone ? html`<dt>${this.t('regPhone')}</dt><dd>${d.phone}</dd>` : nothing}</dl>`
      : html`<p>${this.t('regNoDpo')}</p>`}`;
  }

  #downloads() {
    const r = store.client.register;
    const lang = store.locale;
    return html`<div class="actions">
      <a class="button" download href=${r.csvUrl({ lang })}>${this.t('regCsv')}</a>
      <a class="button" download href=${r.csvUrl({ lang, delimiter: 'semicolon' })}>${this.t('regCsvExcel')}</a>
      <a class="button" href=${r.printUrl({ lang })} target="_blank" rel="noopener">${this.t('regPrint')}</a>
    </div>`;
  }

  override render() {
    const d = this.doc;
    if (!d) return this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : html`<p role="status">${this.t('loading')}</p>`;
    return html`<p>${this.t('regIntro', { at: formatDateTime(d.generatedAt, store.locale) })}</p>
      ${this.#downloads()}
      <section class="item" aria-labelledby="reg-a"><h2 id="reg-a">${this.t('regPartiesTitle')}</h2>
        <div class="grid">
          <div><h3>${this.t('regProcessor')}: ${d.processor.name}</h3>${this.#contact(d.processor.contact)}${this.#dpo(d.processor.dpo)}</div>
          <div><h3>${this.t('regController')}: ${d.controller.name}</h3>${this.#contact(d.controller.contact)}${this.#dpo(d.controller.dpo)}</div>
        </div>
      </section>
      ${this.manage ? html`<admin-controller-form @saved=${() => this.load()}></admin-controller-form>` : nothing}
      <section class="item" aria-labelledby="reg-b"><h2 id="reg-b">${this.t('regProcessingTitle')}</h2>
        ${d.processing.map((p) => html`<h3>${p.name}</h3>
          <dl class="facts"><dt>${this.t('regPurpose')}</dt><dd>${p.purpose}</dd><dt>${this.t('regSubjects')}</dt><dd>${p.dataSubjects}</dd></dl>
          <div class="table-wrap" tabindex="0" role="region" aria-label=${`${this.t('regCategories')}: ${p.name}`}><table>
            <caption>${this.t('regCategories')}: ${p.name}</caption>
            <thead><tr><th scope="col">${this.t('regCategory')}</th><th scope="col">${this.t('regFields')}</th></tr></thead>
            <tbody>${p.dataCategories.map((c) => html`<tr><th scope="row">${c.label}</th><td class="wrap">${c.fields.join(', ')}</td></tr>`)}</tbody>
          </table></div>`)}
        <h3>${this.t('regOperations')}</h3>
        <ul class="plain">${d.operations.map((o) => html`<li>${o}</li>`)}</ul>
      </section>
      <section class="item" aria-labelledby="reg-c"><h2 id="reg-c">${this.t('regTransfersTitle')}</h2>
        ${d.transfers.length
          ? html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('regTransfersTitle')}><table><caption>${this.t('regTransfersTitle')}</caption>
              <thead><tr><th scope="col">${this.t('regRecipient')}</th><th scope="col">${this.t('regCountry')}</th><th scope="col">${this.t('regSafeguards')}</th></tr></thead>
              <tbody>${d.transfers.map((x) => html`<tr><th scope="row">${x.recipient}</th><td>${x.country}</td><td class="wrap">${x.safeguards ?? '—'}</td></tr>`)}</tbody></table></div>`
          : html`<p>${this.t('regNoTransfers')}</p>`}
        <h3>${this.t('tabSubprocessors')}</h3>
        ${d.subprocessors.length
          ? html`<ul class="plain">${d.subprocessors.map((s) => html`<li>${s.name} — ${s.purpose} (${s.location}, ${this.t('spFrom', { date: formatDate(s.startDate, store.locale) })})${s.upcoming ? html` <span class="badge">${this.t('spUpcoming')}</span>` : nothing}</li>`)}</ul>`
          : html`<p>${this.t('spNone')}</p>`}
      </section>
      <section class="item" aria-labelledby="reg-d"><h2 id="reg-d">${this.t('regSecurityTitle')}</h2>
        <ul class="plain">${d.securityMeasures.split('\n').filter((l) => l.trim()).map((l) => html`<li>${l.replace(/^[-•*]\s*/, '')}</li>`)}</ul>
      </section>`;
  }
}
customElements.define('admin-register', AdminRegister);
