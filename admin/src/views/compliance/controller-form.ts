import { html, nothing } from 'lit';
import type { ControllerDetails, ControllerPutInput } from '../../../../sdk/src/admin/register.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { textField, focusFirstError } from '../../components/field/field.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { complianceStyles } from './compliance.styles.js';

const opt = (s: FormDataEntryValue | null) => String(s ?? '').trim() || undefined;

/** @summary Owners: the tenant's contact and DPO as the controller in the register (errors per field from the server). */
export class AdminControllerForm extends AdminElement {
  static override styles = [AdminElement.styles, complianceStyles];
  static override properties = { details: { state: true }, error: { state: true }, busy: { state: true }, hasDpo: { state: true } };
  declare details: ControllerDetails | undefined;
  declare error: AdminClientError | undefined;
  declare busy: boolean;
  declare hasDpo: boolean;

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    const { data, error } = await call(store.client.register.controller());
    this.details = data;
    this.hasDpo = !!data?.dpo;
    if (error) this.error = error;
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const fd = new FormData(e.target as HTMLFormElement);
    const body: ControllerPutInput = {
      contact: { name: String(fd.get('contact.name') ?? ''), address: String(fd.get('contact.address') ?? ''), email: String(fd.get('contact.email') ?? ''), phone: opt(fd.get('contact.phone')) },
      dpo: this.hasDpo ? { name: String(fd.get('dpo.name') ?? ''), email: String(fd.get('dpo.email') ?? ''), phone: opt(fd.get('dpo.phone')) } : null,
    };
    this.busy = true;
    this.error = undefined;
    const { data, error } = await call(store.client.register.setController(body));
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      await this.updateComplete;
      return focusFirstError(this.renderRoot);
    }
    this.details = data;
    this.announce(this.t('saved'));
    this.dispatchEvent(new Event('saved'));
  }

  override render() {
    const d = this.details;
    if (!d) return nothing;
    const errs = fieldErrors(this.error);
    const c = d.contact;
    const req = this.t('requiredMark');
    return html`<form class="card" @submit=${this.#submit} novalidate>
      <h2>${this.t('regControllerForm')}</h2>
      <p class="hint">${this.t('regControllerHint')}</p>
      ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
      <fieldset><legend>${this.t('regContact')}</legend><div class="grid">
        ${textField({ name: 'contact.name', label: this.t('regName'), value: c?.name ?? d.name, error: errs['contact.name'], required: true, requiredMark: req, autocomplete: 'organization' })}
        ${textField({ name: 'contact.address', label: this.t('regAddress'), value: c?.address ?? '', error: errs['contact.address'], required: true, requiredMark: req })}
        ${textField({ name: 'contact.email', label: this.t('regEmail'), value: c?.email ?? '', type: 'email', error: errs['contact.email'], required: true, requiredMark: req })}
        ${textField({ name: 'contact.phone', label: this.t('regPhone'), value: c?.phone ?? '', type: 'tel', error: errs['contact.phone'] })}
      </div></fieldset>
      <fieldset><legend>${this.t('regDpo')}</legend>
        <div class="field"><label class="check"><input type="checkbox" name="hasDpo" .checked=${this.hasDpo} @change=${(e: Event) => (this.hasDpo = (e.target as HTMLInputElement).checked)} /> ${this.t('regHasDpo')}</label></div>
        ${this.hasDpo ? html`<div class="grid">
          ${textField({ name: 'dpo.name', label: this.t('regName'), value: d.dpo?.name ?? '', error: errs['dpo.name'], required: true, requiredMark: req })}
          ${textField({ name: 'dpo.email', label: this.t('regEmail'), value: d.dpo?.email ?? '', type: 'email', error: errs['dpo.email'], required: true, requiredMark: req })}
          ${textField({ name: 'dpo.phone', label: this.t('regPhone'), value: d.dpo?.phone ?? '', type: 'tel', error: errs['dpo.phone'] })}
        </div>` : nothing}
      </fieldset>
      <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? this.t('saving') : this.t('save')}</button>
    </form>`;
  }
}
customElements.define('admin-controller-form', AdminControllerForm);
