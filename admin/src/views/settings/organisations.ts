import { html, nothing, css } from 'lit';
import { PARTNER_TYPES, type PartnerType } from '../../../../sdk/src/admin/roles.js';
import type { OrganisationView } from '../../../../sdk/src/admin/settings.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { textField, selectField, formValues, focusFirstError } from '../../components/field/field.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { partnerTypeLabel } from '../../i18n/labels.js';
import { formatDateTime } from '../../i18n/index.js';

/** @summary Partner organisations (technician, repair centre, carrier): list, create, disable/enable. */
export class AdminOrganisations extends AdminElement {
  static override styles = [AdminElement.styles, css`
    :host { display: block; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr)); gap: 0 1rem; }
    input, select { max-width: none; }
    td, th { white-space: nowrap; }
  `];
  static override properties = { orgs: { state: true }, error: { state: true }, rowError: { state: true }, busy: { state: true } };
  declare orgs: OrganisationView[] | undefined;
  declare error: AdminClientError | undefined;
  declare rowError: AdminClientError | undefined;
  declare busy: boolean;

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    const { data, error } = await call(store.client.organisations.list());
    this.orgs = data?.items;
    if (error) this.rowError = error;
  }

  async #create(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const v = formValues(form) as { name: string; type: PartnerType };
    this.busy = true;
    this.error = undefined;
    const { data, error } = await call(store.client.organisations.create({ name: v.name, type: v.type }));
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      await this.updateComplete;
      return focusFirstError(this.renderRoot.querySelector('form')!);
    }
    form.reset();
    this.announce(this.t('oCreated', { name: data.name }));
    await this.#load();
  }

  async #toggle(o: OrganisationView) {
    this.rowError = undefined;
    const { error } = await call(store.client.organisations.update(o.id, { disabled: !o.disabled }));
    if (error) return (this.rowError = error), this.announce(errorText(error), true);
    this.announce(this.t('oUpdated', { name: o.name }));
    await this.#load();
  }

  override render() {
    const errs = fieldErrors(this.error);
    return html`
      ${this.rowError ? html`<div class="notice error" role="alert"><p>${errorText(this.rowError)}</p></div>` : nothing}
      ${!this.orgs
        ? html`<p role="status">${this.t('loading')}</p>`
        : !this.orgs.length
          ? html`<p class="card">${this.t('orgsNone')}</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('orgsCaption')}><table>
            <caption>${this.t('orgsCaption')}</caption>
            <thead><tr><th scope="col">${this.t('oName')}</th><th scope="col">${this.t('oType')}</th><th scope="col">${this.t('uStatus')}</th>
              <th scope="col">${this.t('colCreated')}</th><th scope="col">${this.t('colActions')}</th></tr></thead>
            <tbody>${this.orgs.map((o) => html`<tr><th scope="row">${o.name}</th><td>${partnerTypeLabel(o.type)}</td>
              <td>${o.disabled ? this.t('uDisabled') : this.t('uActive')}</td><td>${formatDateTime(o.createdAt, store.locale)}</td>
              <td><button type="button" @click=${() => this.#toggle(o)} aria-label=${`${o.disabled ? this.t('uEnable') : this.t('uDisable')}: ${o.name}`}>
                ${o.disabled ? this.t('uEnable') : this.t('uDisable')}</button></td></tr>`)}</tbody>
          </table></div>`}
      <form class="card" @submit=${this.#create} novalidate>
        <h2>${this.t('orgNew')}</h2>
        ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
        <div class="grid">
          ${textField({ name: 'name', id: 'o-name', label: this.t('oName'), value: '', error: errs.name, required: true })}
          ${selectField({ name: 'type', id: 'o-type', label: this.t('oType'), value: 'technician', error: errs.type, options: PARTNER_TYPES.map((p) => ({ value: p, label: partnerTypeLabel(p) })) })}
        </div>
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.t('oCreate')}</button>
      </form>`;
  }
}
customElements.define('admin-organisations', AdminOrganisations);
