import { html, nothing, css } from 'lit';
import { can } from '../../../../sdk/src/admin/roles.js';
import type { SubjectConsent, SubjectDetail } from '../../../../sdk/src/admin/subjects.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminView } from '../../base/admin-element.js';
import { call, errorText } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { href } from '../../router/routes.js';
import { formatDate, formatDateTime } from '../../i18n/index.js';
import { kindLabel, statusLabel } from '../../i18n/labels.js';
import { saveFile } from '../../components/download.js';
import type { AdminConfirmDialog } from '../../components/dialog/confirm-dialog.js';
import '../../components/dialog/confirm-dialog.js';
import './rectify-form.js';

/**
 * @summary One data subject: their cases, products and consents; rectify (R9), access export
 * (R11), withdraw a consent (R6) and, for owners, erase by anonymisation (R10) after typing a
 * confirmation word.
 */
export class AdminSubject extends AdminView {
  static override styles = [AdminView.styles, css`
    :host { display: block; }
    .back { margin: 0 0 0.5rem; }
    .card h2 { margin-top: 0; }
    .danger-zone { border-color: var(--danger); }
    td { white-space: nowrap; }
    td.wrap { white-space: normal; overflow-wrap: anywhere; min-width: 12rem; }
  `];
  static override properties = { subjectId: { attribute: false }, detail: { state: true }, error: { state: true }, busy: { state: true } };
  declare subjectId: string;
  declare detail: SubjectDetail | undefined;
  declare error: AdminClientError | undefined;
  declare busy: boolean;
  #pendingConsent?: SubjectConsent;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  async load() {
    const { data, error } = await call(store.client.subjects.get(this.subjectId));
    this.error = error;
    if (data) this.detail = data;
    else if (error) this.announce(errorText(error), true);
  }

  async #accessExport() {
    this.busy = true;
    const { data, error } = await call(store.client.subjects.accessExport(this.subjectId));
    this.busy = false;
    if (error) return this.#fail(error);
    saveFile(`subject-access-${this.subjectId}.json`, JSON.stringify(data, null, 2), 'application/json');
    this.announce(this.t('accessDone'));
  }

  async #withdraw(consent: SubjectConsent) {
    this.#pendingConsent = consent;
    const dialog = this.renderRoot.querySelector<AdminConfirmDialog>('#withdraw-dialog')!;
    if (!(await dialog.open())) return;
    const { error } = await call(store.client.subjects.withdrawConsent(this.subjectId, consent.id));
    if (error) return this.#fail(error);
    this.announce(this.t('withdrawn'));
    await this.load();
  }

  async #erase() {
    const dialog = this.renderRoot.querySelector<AdminConfirmDialog>('#erase-dialog')!;
    if (!(await dialog.open())) return;
    this.busy = true;
    const { data, error } = await call(store.client.subjects.anonymise(this.subjectId));
    this.busy = false;
    if (error) return this.#fail(error);
    this.announce(this.t('erased', { cases: data.cases, consents: data.consents }));
    await this.load();
    this.renderRoot.querySelector('h1')?.focus();
  }

  #fail(error: AdminClientError) {
    this.error = error;
    this.announce(errorText(error), true);
  }

  #consents(d: SubjectDetail, anonymised: boolean) {
    if (!d.consents.length) return html`<p class="muted">${this.t('none')}</p>`;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('subjectConsents')}><table>
      <caption>${this.t('subjectConsents')}</caption>
      <thead><tr><th scope="col">${this.t('colGiven')}</th><th scope="col">${this.t('colLocale')}</th><th scope="col">${this.t('colIp')}</th>
        <th scope="col">${this.t('colUserAgent')}</th><th scope="col">${this.t('colHash')}</th><th scope="col">${this.t('colWithdrawn')}</th><th scope="col">${this.t('colActions')}</th></tr></thead>
      <tbody>${d.consents.map((k) => html`<tr>
        <td>${formatDateTime(k.givenAt, store.locale)}</td><td>${k.locale}</td><td class="mono">${k.ip}</td><td class="wrap">${k.userAgent}</td>
        <td class="mono wrap">${k.textHash.slice(0, 16)}…</td>
        <td>${k.withdrawnAt ? formatDateTime(k.withdrawnAt, store.locale) : this.t('no')}</td>
        <td>${!k.withdrawnAt && !anonymised ? html`<button type="button" @click=${() => this.#withdraw(k)}>${this.t('withdrawButton')}</button>` : '—'}</td>
      </tr>`)}</tbody></table></div>`;
  }

  override render() {
    const back = html`<p class="back"><a href=${href('/subjects')}>← ${this.t('backToSubjects')}</a></p>`;
    const d = this.detail;
    if (!d) return html`${back}<h1>${this.error ? this.t('errorTitle') : this.t('loading')}</h1>
      ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}`;
    const s = d.subject;
    const anonymised = s.anonymizedAt !== null;
    const mayErase = store.me && can(store.me.role, 'subjects.erase');
    return html`${back}
      <h1>${anonymised ? this.t('subjectAnonymisedTitle') : this.t('subjectTitle', { name: `${s.firstName} ${s.lastName}` })}</h1>
      ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
      ${anonymised ? html`<p class="notice info">${this.t('caseAnonymised')} (${formatDateTime(s.anonymizedAt, store.locale)})</p>` : nothing}
      ${!anonymised
        ? html`<section class="card"><h2 id="s-rectify">${this.t('rectifyTitle')}</h2><p class="muted">${this.t('rectifyIntro')}</p>
            <admin-rectify-form .subject=${s} @admin-subject-changed=${() => this.load()}></admin-rectify-form></section>`
        : nothing}
      <section><h2 id="s-cases">${this.t('subjectCases')}</h2>
        <div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('subjectCases')}><table>
          <caption>${this.t('subjectCases')}</caption>
          <thead><tr><th scope="col">${this.t('colReference')}</th><th scope="col">${this.t('colKind')}</th><th scope="col">${this.t('colStatus')}</th><th scope="col">${this.t('colCreated')}</th></tr></thead>
          <tbody>${d.cases.map((c) => html`<tr><th scope="row"><a href=${href(`/cases/${c.id}`)}>${c.reference}</a></th><td>${kindLabel(c.kind)}</td>
            <td>${statusLabel(c.status)}</td><td>${formatDateTime(c.createdAt, store.locale)}</td></tr>`)}</tbody>
        </table></div></section>
      <section><h2 id="s-products">${this.t('subjectProducts')}</h2>
        <div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('subjectProducts')}><table>
          <caption>${this.t('subjectProducts')}</caption>
          <thead><tr><th scope="col">${this.t('fBrand')}</th><th scope="col">${this.t('fModel')}</th><th scope="col">${this.t('fSerialNumber')}</th><th scope="col">${this.t('fPurchaseDate')}</th></tr></thead>
          <tbody>${d.products.map((p) => html`<tr><td>${p.brand}</td><td>${p.model}</td><td>${p.serialNumber ?? '—'}</td><td>${formatDate(p.purchaseDate, store.locale)}</td></tr>`)}</tbody>
        </table></div></section>
      <section><h2 id="s-consents">${this.t('subjectConsents')}</h2>${this.#consents(d, anonymised)}</section>
      <section class="card"><h2 id="s-access">${this.t('accessTitle')}</h2><p>${this.t('accessIntro')}</p>
        <button type="button" @click=${this.#accessExport} ?disabled=${this.busy}>${this.t('accessButton')}</button></section>
      ${mayErase && !anonymised
        ? html`<section class="card danger-zone"><h2 id="s-erase">${this.t('eraseTitle')}</h2><p>${this.t('eraseIntro')}</p>
            <button type="button" class="danger" @click=${this.#erase} ?disabled=${this.busy}>${this.t('eraseButton')}</button></section>`
        : nothing}
      <admin-confirm-dialog id="withdraw-dialog" .heading=${this.t('withdrawTitle')} .message=${this.t('withdrawText')} .confirmLabel=${this.t('withdrawButton')}></admin-confirm-dialog>
      <admin-confirm-dialog id="erase-dialog" danger .heading=${this.t('eraseDialogTitle')} .message=${this.t('eraseDialogText')} .word=${this.t('eraseWord')} .confirmLabel=${this.t('eraseConfirm')}></admin-confirm-dialog>`;
  }
}

customElements.define('admin-subject', AdminSubject);
