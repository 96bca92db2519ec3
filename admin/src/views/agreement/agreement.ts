import { html, nothing, css } from 'lit';
import type { TenantAgreement } from '../../../../sdk/src/admin/agreement.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminView } from '../../base/admin-element.js';
import { call, errorText } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { formatDateTime } from '../../i18n/index.js';
import { complianceStyles } from '../compliance/compliance.styles.js';
import { agreementAccepted } from './gate.js';

/**
 * @summary The processor agreement (R20) in the reader's language with version and SHA-256;
 * owners accept it (recorded with version, time, user and IP). As the gate, it is the only view
 * an owner sees until the current version is accepted.
 */
export class AdminAgreement extends AdminView {
  static override styles = [AdminView.styles, complianceStyles, css`
    .text { white-space: pre-line; max-width: 48rem; max-height: 60vh; overflow: auto; }
    .hash { overflow-wrap: anywhere; }
  `];
  static override properties = { gated: { type: Boolean }, agreement: { state: true }, error: { state: true }, busy: { state: true } };
  declare gated: boolean;
  declare agreement: TenantAgreement | undefined;
  declare error: AdminClientError | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.gated = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    const { data, error } = await call(store.client.agreement.get());
    this.agreement = data;
    this.error = error;
  }

  async #accept() {
    const cur = this.agreement?.current;
    if (!cur) return;
    this.busy = true;
    const { error } = await call(store.client.agreement.accept({ version: cur.version, sha256: cur.sha256 }));
    this.busy = false;
    if (error) return (this.error = error), this.announce(errorText(error), true);
    this.announce(this.t('agrAccepted', { version: cur.version }));
    if (this.gated) return agreementAccepted();
    await this.#load();
  }

  #history(a: TenantAgreement) {
    if (!a.history.length) return nothing;
    return html`<h2>${this.t('agrHistory')}</h2><div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('agrHistory')}><table>
      <caption>${this.t('agrHistory')}</caption>
      <thead><tr><th scope="col">${this.t('agrVersion')}</th><th scope="col">${this.t('colWhen')}</th><th scope="col">${this.t('colWho')}</th><th scope="col">${this.t('colIp')}</th><th scope="col">SHA-256</th></tr></thead>
      <tbody>${a.history.map((h) => html`<tr><td>${h.version}</td><td>${formatDateTime(h.at, store.locale)}</td><td>${h.user ?? '—'}</td><td class="mono">${h.ip}</td><td class="mono">${h.sha256.slice(0, 16)}…</td></tr>`)}</tbody>
    </table></div>`;
  }

  override render() {
    const a = this.agreement;
    const title = html`<h1>${this.t('agrTitle')}</h1>`;
    if (!a) return html`${title}${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : html`<p role="status">${this.t('loading')}</p>`}`;
    const cur = a.current;
    if (!cur) return html`${title}<p class="card">${this.t('agrNone')}</p>`;
    const lang = store.locale;
    return html`${title}
      ${this.gated ? html`<div class="notice info"><p>${this.t('agrGateText')}</p></div>` : nothing}
      ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
      <dl class="facts card">
        <dt>${this.t('agrVersion')}</dt><dd>${cur.version}</dd>
        <dt>${this.t('agrPublished')}</dt><dd>${formatDateTime(cur.publishedAt, lang)}</dd>
        <dt>SHA-256</dt><dd class="mono hash">${cur.sha256}</dd>
        <dt>${this.t('agrStatus')}</dt><dd>${a.accepted ? this.t('agrAcceptedBy', { at: formatDateTime(a.accepted.at, lang), who: a.accepted.user ?? '—', ip: a.accepted.ip }) : this.t('agrNotAccepted')}</dd>
      </dl>
      <section class="card text" lang=${lang} tabindex="0" aria-label=${this.t('agrTextLabel', { version: cur.version })}>${cur.text[lang]}</section>
      ${a.agreementRequired && a.canAccept
        ? html`<div class="actions"><button type="button" class="primary" ?disabled=${this.busy} @click=${this.#accept}>${this.busy ? this.t('saving') : this.t('agrAccept', { version: cur.version })}</button></div>`
        : a.agreementRequired ? html`<p class="notice info">${this.t('agrOwnerMust')}</p>` : nothing}
      ${this.#history(a)}`;
  }
}
customElements.define('admin-agreement', AdminAgreement);
