import { html, nothing } from 'lit';
import type { PlatformAgreementList } from '../../../../sdk/src/admin/agreement.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { textField, focusFirstError } from '../../components/field/field.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { formatDateTime } from '../../i18n/index.js';
import { complianceStyles } from '../compliance/compliance.styles.js';

/** @summary Operator: processor agreement versions with acceptance counts, each tenant's accepted version, and publishing a new version. */
export class AdminPlatformAgreements extends AdminElement {
  static override styles = [AdminElement.styles, complianceStyles];
  static override properties = { list: { state: true }, error: { state: true }, busy: { state: true } };
  declare list: PlatformAgreementList | undefined;
  declare error: AdminClientError | undefined;
  declare busy: boolean;

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    const { data, error } = await call(store.client.agreement.platform.list());
    this.list = data;
    if (error) this.error = error;
  }

  async #publish(e: SubmitEvent) {
    e.preventDefault();
    const fd = new FormData(e.target as HTMLFormElement);
    this.busy = true;
    this.error = undefined;
    const { data, error } = await call(store.client.agreement.platform.publish({ text: { nl: String(fd.get('text.nl') ?? ''), en: String(fd.get('text.en') ?? '') } }));
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      await this.updateComplete;
      return focusFirstError(this.renderRoot);
    }
    this.announce(this.t('paPublished', { version: data.version, count: data.noticesCreated }));
    await this.#load();
  }

  override render() {
    const l = this.list;
    if (!l) return this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : html`<p role="status">${this.t('loading')}</p>`;
    const e = fieldErrors(this.error);
    const latest = l.items[0];
    const text = latest?.text ?? l.template;
    return html`<p>${this.t('paIntro')}</p>
      ${l.items.length ? html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('paVersions')}><table><caption>${this.t('paVersions')}</caption>
        <thead><tr><th scope="col">${this.t('agrVersion')}</th><th scope="col">${this.t('agrPublished')}</th><th scope="col">SHA-256</th><th scope="col">${this.t('paAcceptances')}</th></tr></thead>
        <tbody>${l.items.map((v) => html`<tr><td>${v.version}</td><td>${formatDateTime(v.publishedAt, store.locale)}</td><td class="mono">${v.sha256.slice(0, 16)}…</td><td>${v.acceptances}</td></tr>`)}</tbody>
      </table></div>` : html`<p class="card">${this.t('agrNone')}</p>`}
      <div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('paTenants')}><table><caption>${this.t('paTenants')}</caption>
        <thead><tr><th scope="col">${this.t('pbTenant')}</th><th scope="col">${this.t('paAccepted')}</th><th scope="col">${this.t('colWhen')}</th></tr></thead>
        <tbody>${l.tenants.map((t) => html`<tr><th scope="row">${t.tenantName}</th><td>${t.acceptedVersion ?? this.t('paNotYet')}</td><td>${t.acceptedAt ? formatDateTime(t.acceptedAt, store.locale) : '—'}</td></tr>`)}</tbody>
      </table></div>
      <form class="card" @submit=${this.#publish} novalidate>
        <h2>${this.t('paNew', { version: (latest?.version ?? 0) + 1 })}</h2>
        <p class="hint">${latest ? this.t('paNewHint') : this.t('paTemplateHint')}</p>
        ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
        ${textField({ name: 'text.nl', id: 'pa-nl', label: this.t('paTextNl'), value: text.nl, multiline: true, error: e['text.nl'], required: true })}
        ${textField({ name: 'text.en', id: 'pa-en', label: this.t('paTextEn'), value: text.en, multiline: true, error: e['text.en'], required: true })}
        <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? this.t('saving') : this.t('paPublish')}</button>
      </form>`;
  }
}
customElements.define('admin-platform-agreements', AdminPlatformAgreements);
