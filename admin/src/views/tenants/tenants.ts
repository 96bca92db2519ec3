import { html, nothing, css } from 'lit';
import type { TenantCreated, TenantSummary, TenantCreateInput } from '../../../../sdk/src/admin/settings.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminView } from '../../base/admin-element.js';
import { textField, focusFirstError } from '../../components/field/field.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { formatDateTime } from '../../i18n/index.js';
import { errorAt } from '../settings/field-errors.js';
import '../../components/copy-button/copy-button.js';

/** @summary Platform operator: the tenants (counts only, never consumers' data) and creating one. */
export class AdminTenants extends AdminView {
  static override styles = [AdminView.styles, css`
    :host { display: block; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr)); gap: 0 1rem; }
    input, textarea { max-width: none; }
    td, th { white-space: nowrap; }
    .created code { overflow-wrap: anywhere; }
  `];
  static override properties = { items: { state: true }, error: { state: true }, listError: { state: true }, busy: { state: true }, created: { state: true } };
  declare items: TenantSummary[] | undefined;
  declare error: AdminClientError | undefined;
  declare listError: AdminClientError | undefined;
  declare busy: boolean;
  declare created: TenantCreated | undefined;

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    const { data, error } = await call(store.client.tenants.list());
    this.items = data?.items;
    this.listError = error;
  }

  async #create(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const fd = new FormData(form);
    const s = (k: string) => String(fd.get(k) ?? '');
    const input: TenantCreateInput = {
      name: s('name'), privacyUrl: s('privacyUrl'), origins: s('origins').split(/\s+/).filter(Boolean),
      owner: { loginCode: s('owner.loginCode'), displayName: s('owner.displayName'), password: s('owner.password') },
    };
    this.busy = true;
    this.error = undefined;
    const { data, error } = await call(store.client.tenants.create(input));
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      await this.updateComplete;
      return focusFirstError(form);
    }
    form.reset();
    this.created = data;
    await this.#load();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#created-title')?.focus();
  }

  override render() {
    const errs = fieldErrors(this.error);
    const c = this.created;
    return html`<h1>${this.t('tenantsTitle')}</h1>
      <p>${this.t('tenantsIntro')}</p>
      ${c
        ? html`<section class="notice ok created">
            <h2 id="created-title" tabindex="-1">${this.t('tCreatedTitle', { name: c.name })}</h2>
            <dl class="facts"><dt>${this.t('tCreatedKey')}</dt><dd><code>${c.publishableKey}</code> <admin-copy-button .text=${c.publishableKey}></admin-copy-button></dd>
              <dt>${this.t('tCreatedOwner')}</dt><dd class="mono">${c.owner.signInName}</dd></dl>
          </section>`
        : nothing}
      ${this.listError ? html`<div class="notice error" role="alert"><p>${errorText(this.listError)}</p></div>` : nothing}
      ${!this.items
        ? (this.listError ? nothing : html`<p role="status">${this.t('loading')}</p>`)
        : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('tenantsCaption')}><table>
            <caption>${this.t('tenantsCaption')}</caption>
            <thead><tr><th scope="col">${this.t('sName')}</th><th scope="col">${this.t('colUsers')}</th><th scope="col">${this.t('colCases')}</th><th scope="col">${this.t('colCreated')}</th></tr></thead>
            <tbody>${this.items.map((t) => html`<tr><th scope="row">${t.name}</th><td>${t.users}</td><td>${t.cases}</td><td>${formatDateTime(t.createdAt, store.locale)}</td></tr>`)}</tbody>
          </table></div>`}
      <form class="card" @submit=${this.#create} novalidate>
        <h2>${this.t('tenantNew')}</h2>
        ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
        <div class="grid">
          ${textField({ name: 'name', label: this.t('sName'), value: '', error: errs.name, required: true })}
          ${textField({ name: 'privacyUrl', label: this.t('sPrivacyUrl'), hint: this.t('sPrivacyUrlHint'), value: '', type: 'url', error: errs.privacyUrl, required: true })}
        </div>
        ${textField({ name: 'origins', label: this.t('sOrigins'), hint: this.t('sOriginsHint'), value: '', multiline: true, error: errorAt(errs, 'origins'), required: true })}
        <fieldset><legend>${this.t('tOwner')}</legend><div class="grid">
          ${textField({ name: 'owner.loginCode', label: this.t('tOwnerLoginCode'), hint: this.t('uLoginCodeHint', { slug: '…' }), value: '', error: errs['owner.loginCode'], required: true, autocomplete: 'off' })}
          ${textField({ name: 'owner.displayName', label: this.t('tOwnerName'), value: '', error: errs['owner.displayName'], required: true, autocomplete: 'off' })}
          ${textField({ name: 'owner.password', label: this.t('tOwnerPassword'), hint: this.t('uPasswordHint'), value: '', type: 'password', error: errs['owner.password'], required: true, autocomplete: 'new-password' })}
        </div></fieldset>
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.t('tCreate')}</button>
      </form>`;
  }
}
customElements.define('admin-tenants', AdminTenants);
