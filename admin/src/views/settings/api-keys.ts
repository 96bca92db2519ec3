import { html, nothing, css } from 'lit';
import { TENANT_ROLES, needsStepUp, type TenantRole } from '../../../../sdk/src/admin/roles.js';
import type { ApiKey, CreatedApiKey } from '../../../../sdk/src/admin/auth.js';
import type { OrganisationView } from '../../../../sdk/src/admin/settings.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { textField, selectField, formValues, focusFirstError } from '../../components/field/field.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { roleLabel } from '../../i18n/labels.js';
import { formatDateTime } from '../../i18n/index.js';
import type { AdminConfirmDialog } from '../../components/dialog/confirm-dialog.js';
import '../../components/dialog/confirm-dialog.js';
import '../../components/copy-button/copy-button.js';

/** Expiry choices in days; 0 = no end date. */
const EXPIRY_DAYS = [90, 30, 365, 0] as const;
const DAY_MS = 86_400_000;

/**
 * @summary sk_ API keys: list (with expiry), create (optional expiry; an owner key asks for the
 * password, and the TOTP code when on, again; the key is shown once, with a copy button), revoke.
 */
export class AdminApiKeys extends AdminElement {
  static override styles = [AdminElement.styles, css`
    :host { display: block; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr)); gap: 0 1rem; }
    input, select { max-width: none; }
    td, th { white-space: nowrap; }
    .created { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    .created code { background: var(--surface); border: 1px solid var(--line); padding: 0.3rem 0.5rem; border-radius: var(--radius); }
  `];
  static override properties = { keys: { state: true }, orgs: { state: true }, error: { state: true }, rowError: { state: true }, busy: { state: true }, role: { state: true }, created: { state: true } };
  declare keys: ApiKey[] | undefined;
  declare orgs: OrganisationView[];
  declare error: AdminClientError | undefined;
  declare rowError: AdminClientError | undefined;
  declare busy: boolean;
  declare role: TenantRole;
  declare created: CreatedApiKey | undefined;

  constructor() {
    super();
    this.orgs = [];
    this.busy = false;
    this.role = 'staff';
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    const [k, o] = await Promise.all([call(store.client.apiKeys.list()), call(store.client.organisations.list())]);
    this.keys = k.data?.items;
    this.orgs = o.data?.items ?? [];
    if (k.error) this.rowError = k.error;
  }

  async #create(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const v = formValues(form) as Record<string, string>;
    this.busy = true;
    this.error = undefined;
    const role = v.role as TenantRole;
    const days = Number(v.expiry ?? 0);
    const { data, error } = await call(store.client.apiKeys.create({
      name: v.name ?? '', role,
      ...(role === 'partner' ? { partnerOrgId: v.partnerOrgId || null } : {}),
      ...(days > 0 ? { expiresAt: new Date(Date.now() + days * DAY_MS).toISOString() } : {}),
      ...(needsStepUp(role) ? { password: v.password ?? '', ...(v.totpCode ? { totpCode: v.totpCode } : {}) } : {}),
    }));
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      await this.updateComplete;
      return focusFirstError(this.renderRoot.querySelector('form')!);
    }
    form.reset();
    this.role = 'staff';
    this.created = data;
    await this.#load();
    await this.updateComplete;
    const h = this.renderRoot.querySelector<HTMLElement>('#created-title');
    h?.focus();
  }

  async #revoke(k: ApiKey) {
    const dialog = this.renderRoot.querySelector<AdminConfirmDialog>('admin-confirm-dialog')!;
    if (!(await dialog.open())) return;
    this.rowError = undefined;
    const { error } = await call(store.client.apiKeys.revoke(k.id));
    if (error) return (this.rowError = error), this.announce(errorText(error), true);
    this.announce(this.t('kRevokedDone'));
    await this.#load();
  }

  override render() {
    const errs = fieldErrors(this.error);
    const orgName = (id: string | null) => this.orgs.find((o) => o.id === id)?.name ?? '';
    return html`<p>${this.t('keysIntro')}</p>
      ${this.created
        ? html`<section class="notice ok">
            <h2 id="created-title" tabindex="-1">${this.t('kCreatedTitle')}: ${this.created.name}</h2>
            <p>${this.t('kCreatedText')}</p>
            <div class="created"><code id="new-key">${this.created.key}</code><admin-copy-button .text=${this.created.key}></admin-copy-button></div>
          </section>`
        : nothing}
      ${this.rowError ? html`<div class="notice error" role="alert"><p>${errorText(this.rowError)}</p></div>` : nothing}
      ${!this.keys
        ? html`<p role="status">${this.t('loading')}</p>`
        : !this.keys.length
          ? html`<p class="card">${this.t('keysNone')}</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('keysCaption')}><table>
            <caption>${this.t('keysCaption')}</caption>
            <thead><tr><th scope="col">${this.t('kName')}</th><th scope="col">${this.t('kPrefix')}</th><th scope="col">${this.t('kRole')}</th>
              <th scope="col">${this.t('colCreated')}</th><th scope="col">${this.t('kExpires')}</th><th scope="col">${this.t('kLastUsed')}</th><th scope="col">${this.t('kRevoked')}</th><th scope="col">${this.t('colActions')}</th></tr></thead>
            <tbody>${this.keys.map((k) => html`<tr><th scope="row">${k.name}</th><td class="mono">${k.prefix}…</td>
              <td>${roleLabel(k.role)}${k.partnerOrgId ? ` · ${orgName(k.partnerOrgId)}` : ''}</td>
              <td>${formatDateTime(k.createdAt, store.locale)}</td>
              <td>${k.expiresAt ? `${formatDateTime(k.expiresAt, store.locale)}${k.expired ? ` (${this.t('kExpired')})` : ''}` : this.t('never')}</td>
              <td>${k.lastUsedAt ? formatDateTime(k.lastUsedAt, store.locale) : this.t('never')}</td>
              <td>${k.revokedAt ? formatDateTime(k.revokedAt, store.locale) : this.t('no')}</td>
              <td>${k.revokedAt ? '—' : html`<button type="button" @click=${() => this.#revoke(k)} aria-label=${`${this.t('kRevoke')}: ${k.name}`}>${this.t('kRevoke')}</button>`}</td></tr>`)}</tbody>
          </table></div>`}
      <form class="card" @submit=${this.#create} @change=${(e: Event) => (e.target as HTMLSelectElement).name === 'role' && (this.role = (e.target as HTMLSelectElement).value as TenantRole)} novalidate>
        <h2>${this.t('keyNew')}</h2>
        ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
        <div class="grid">
          ${textField({ name: 'name', id: 'k-name', label: this.t('kName'), value: '', error: errs.name, required: true })}
          ${selectField({ name: 'role', id: 'k-role', label: this.t('kRole'), value: this.role, error: errs.role, options: TENANT_ROLES.map((r) => ({ value: r, label: roleLabel(r) })) })}
          ${this.role === 'partner'
            ? selectField({ name: 'partnerOrgId', id: 'k-org', label: this.t('uOrg'), value: '', error: errs.partnerOrgId, options: [{ value: '', label: '—' }, ...this.orgs.filter((o) => !o.disabled).map((o) => ({ value: o.id, label: o.name }))] })
            : nothing}
          ${selectField({ name: 'expiry', id: 'k-expiry', label: this.t('kExpiry'), value: '90', error: errs.expiresAt, options: EXPIRY_DAYS.map((d) => ({ value: String(d), label: this.t(d === 30 ? 'kExpiry30' : d === 90 ? 'kExpiry90' : d === 365 ? 'kExpiry365' : 'kExpiryNever') })) })}
        </div>
        ${needsStepUp(this.role)
          ? html`<p class="hint">${this.t('kStepUpIntro')}</p>
            <div class="grid">
              ${textField({ name: 'password', id: 'k-password', label: this.t('password'), value: '', type: 'password', autocomplete: 'current-password', required: true, error: errs.password })}
              ${store.me?.totpEnabled ? textField({ name: 'totpCode', id: 'k-totp', label: this.t('kStepUpTotp'), value: '', inputmode: 'numeric', autocomplete: 'one-time-code', required: true, error: errs.totpCode ?? (this.error?.code === 'invalid_totp' ? errorText(this.error) : undefined) }) : nothing}
            </div>`
          : nothing}
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.t('kCreate')}</button>
      </form>
      <admin-confirm-dialog danger .heading=${this.t('kRevokeTitle')} .message=${this.t('kRevokeText')} .confirmLabel=${this.t('kRevoke')}></admin-confirm-dialog>`;
  }
}
customElements.define('admin-api-keys', AdminApiKeys);
