import { html, nothing, css } from 'lit';
import { TENANT_ROLES, type TenantRole } from '../../../../sdk/src/admin/roles.js';
import type { OrganisationView, UserView, UserCreateInput } from '../../../../sdk/src/admin/settings.js';
import type { AdminClientError, AdminResult } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { textField, selectField, formValues, focusFirstError } from '../../components/field/field.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { roleLabel } from '../../i18n/labels.js';
import { formatDateTime } from '../../i18n/index.js';

/** @summary The tenant's users: list, create, disable/enable, reset two-step verification. */
export class AdminUsers extends AdminElement {
  static override styles = [AdminElement.styles, css`
    :host { display: block; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr)); gap: 0 1rem; }
    input, select { max-width: none; }
    td, th { white-space: nowrap; }
    td .actions { margin: 0; flex-wrap: nowrap; }
  `];
  static override properties = { users: { state: true }, orgs: { state: true }, error: { state: true }, rowError: { state: true }, busy: { state: true }, role: { state: true } };
  declare users: UserView[] | undefined;
  declare orgs: OrganisationView[];
  declare error: AdminClientError | undefined;
  declare rowError: AdminClientError | undefined;
  declare busy: boolean;
  declare role: TenantRole;
  /** What was typed so far (in memory only): choosing a role or a refused submit re-renders the form, which must not wipe it. */
  #draft: Record<string, string> = {};

  constructor() {
    super();
    this.orgs = [];
    this.busy = false;
    this.role = 'staff';
  }

  #remember(e: Event) {
    const el = e.target as HTMLInputElement | HTMLSelectElement;
    if (el.name) this.#draft[el.name] = el.value;
    if (el.name === 'role') this.role = el.value as TenantRole;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    const [u, o] = await Promise.all([call(store.client.users.list()), call(store.client.organisations.list())]);
    this.users = u.data?.items;
    this.orgs = o.data?.items ?? [];
    if (u.error) this.rowError = u.error;
  }

  async #create(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const v = formValues(form) as Record<string, string>;
    const input: UserCreateInput = {
      loginCode: v.loginCode ?? '', displayName: v.displayName ?? '', role: v.role as TenantRole, password: v.password ?? '',
      locale: v.locale === 'en' ? 'en' : 'nl', ...(v.role === 'partner' ? { partnerOrgId: v.partnerOrgId || null } : {}),
    };
    this.busy = true;
    this.error = undefined;
    const { data, error } = await call(store.client.users.create(input));
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      await this.updateComplete;
      return focusFirstError(this.renderRoot.querySelector('form')!);
    }
    form.reset();
    this.#draft = {};
    this.role = 'staff';
    this.announce(this.t('uCreated', { name: data.displayName }));
    await this.#load();
  }

  async #act(u: UserView, op: () => Promise<AdminResult<unknown>>) {
    this.rowError = undefined;
    const { error } = await call(op());
    if (error) {
      this.rowError = error;
      return this.announce(errorText(error), true);
    }
    this.announce(this.t('uUpdated', { name: u.displayName }));
    await this.#load();
  }

  #table() {
    if (!this.users) return html`<p role="status">${this.t('loading')}</p>`;
    const orgName = (id: string | null) => this.orgs.find((o) => o.id === id)?.name ?? '';
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('usersCaption')}><table>
      <caption>${this.t('usersCaption')}</caption>
      <thead><tr><th scope="col">${this.t('uLoginCode')}</th><th scope="col">${this.t('uDisplayName')}</th><th scope="col">${this.t('uRole')}</th>
        <th scope="col">${this.t('uTotp')}</th><th scope="col">${this.t('uStatus')}</th><th scope="col">${this.t('uLastLogin')}</th><th scope="col">${this.t('colActions')}</th></tr></thead>
      <tbody>${this.users.map((u) => html`<tr>
        <th scope="row" class="mono">${u.loginCode}</th><td>${u.displayName}</td>
        <td>${roleLabel(u.role)}${u.partnerOrgId ? ` · ${orgName(u.partnerOrgId)}` : ''}</td>
        <td>${u.totpEnabled ? this.t('yes') : this.t('no')}</td>
        <td>${u.disabled ? this.t('uDisabled') : this.t('uActive')}</td>
        <td>${u.lastLoginAt ? formatDateTime(u.lastLoginAt, store.locale) : this.t('never')}</td>
        <td><div class="actions">${u.id === store.me?.id
          ? '—'
          : html`<button type="button" @click=${() => this.#act(u, () => store.client.users.update(u.id, { disabled: !u.disabled }))}
                aria-label=${`${u.disabled ? this.t('uEnable') : this.t('uDisable')}: ${u.loginCode}`}>${u.disabled ? this.t('uEnable') : this.t('uDisable')}</button>
              ${u.totpEnabled ? html`<button type="button" @click=${() => this.#act(u, () => store.client.users.resetTotp(u.id))} aria-label=${`${this.t('uResetTotp')}: ${u.loginCode}`}>${this.t('uResetTotp')}</button>` : nothing}`}
        </div></td></tr>`)}</tbody>
    </table></div>`;
  }

  override render() {
    const errs = fieldErrors(this.error);
    const activeOrgs = this.orgs.filter((o) => !o.disabled);
    return html`
      ${this.rowError ? html`<div class="notice error" role="alert"><p>${errorText(this.rowError)}</p></div>` : nothing}
      ${this.#table()}
      <form class="card" @submit=${this.#create} @input=${this.#remember} @change=${this.#remember} novalidate>
        <h2>${this.t('userNew')}</h2>
        ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
        <div class="grid">
          ${textField({ name: 'loginCode', id: 'u-loginCode', label: this.t('uLoginCode'), hint: this.t('uLoginCodeHint', { slug: store.me?.tenant?.slug ?? '…' }), value: this.#draft.loginCode ?? '', error: errs.loginCode, required: true, autocomplete: 'off' })}
          ${textField({ name: 'displayName', id: 'u-displayName', label: this.t('uDisplayName'), value: this.#draft.displayName ?? '', error: errs.displayName, required: true, autocomplete: 'off' })}
          ${selectField({ name: 'role', id: 'u-role', label: this.t('uRole'), value: this.role, error: errs.role, options: TENANT_ROLES.map((r) => ({ value: r, label: roleLabel(r) })) })}
          ${this.role === 'partner'
            ? selectField({ name: 'partnerOrgId', id: 'u-org', label: this.t('uOrg'), value: this.#draft.partnerOrgId ?? '', error: errs.partnerOrgId, options: [{ value: '', label: '—' }, ...activeOrgs.map((o) => ({ value: o.id, label: o.name }))] })
            : nothing}
          ${textField({ name: 'password', id: 'u-password', label: this.t('uPassword'), hint: this.t('uPasswordHint'), value: this.#draft.password ?? '', type: 'password', error: errs.password, required: true, autocomplete: 'new-password' })}
          ${selectField({ name: 'locale', id: 'u-locale', label: this.t('uLocale'), value: this.#draft.locale ?? 'nl', options: [{ value: 'nl', label: 'Nederlands' }, { value: 'en', label: 'English' }] })}
        </div>
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.t('uCreate')}</button>
      </form>`;
  }
}
customElements.define('admin-users', AdminUsers);
