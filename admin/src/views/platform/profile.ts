import { html, nothing } from 'lit';
import type { PlatformProfile, PlatformProfilePutInput } from '../../../../sdk/src/admin/platform.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { textField, focusFirstError } from '../../components/field/field.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { formatDateTime } from '../../i18n/index.js';
import { complianceStyles } from '../compliance/compliance.styles.js';

const opt = (s: FormDataEntryValue | null) => String(s ?? '').trim() || undefined;
const str = (s: FormDataEntryValue | null) => String(s ?? '');

/** @summary The processor's profile as every art. 30 register shows it: name, contact, DPO, security measures (nl/en). */
export class AdminPlatformProfile extends AdminElement {
  static override styles = [AdminElement.styles, complianceStyles];
  static override properties = { profile: { state: true }, error: { state: true }, busy: { state: true }, hasDpo: { state: true } };
  declare profile: PlatformProfile | undefined;
  declare error: AdminClientError | undefined;
  declare busy: boolean;
  declare hasDpo: boolean;

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    const { data, error } = await call(store.client.platform.profile());
    this.profile = data;
    this.hasDpo = !!data?.dpo;
    this.error = error;
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const fd = new FormData(e.target as HTMLFormElement);
    const body: PlatformProfilePutInput = {
      name: str(fd.get('name')),
      contact: { name: str(fd.get('contact.name')), address: str(fd.get('contact.address')), email: str(fd.get('contact.email')), phone: opt(fd.get('contact.phone')) },
      dpo: this.hasDpo ? { name: str(fd.get('dpo.name')), email: str(fd.get('dpo.email')), phone: opt(fd.get('dpo.phone')) } : null,
      securityMeasures: { nl: str(fd.get('securityMeasures.nl')), en: str(fd.get('securityMeasures.en')) },
    };
    this.busy = true;
    this.error = undefined;
    const { data, error } = await call(store.client.platform.setProfile(body));
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      await this.updateComplete;
      return focusFirstError(this.renderRoot);
    }
    this.profile = data;
    this.announce(this.t('saved'));
  }

  override render() {
    const p = this.profile;
    if (!p) return this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : html`<p role="status">${this.t('loading')}</p>`;
    const e = fieldErrors(this.error);
    const req = this.t('requiredMark');
    return html`<p>${this.t('pfIntro')}</p>
      <p class="muted">${p.isDefault ? this.t('pfDefault') : this.t('pfUpdated', { at: formatDateTime(p.updatedAt, store.locale) })}</p>
      <form class="card" @submit=${this.#submit} novalidate>
        ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
        ${textField({ name: 'name', label: this.t('pfName'), value: p.name, error: e.name, required: true, requiredMark: req })}
        <fieldset><legend>${this.t('regContact')}</legend><div class="grid">
          ${textField({ name: 'contact.name', label: this.t('regName'), value: p.contact.name, error: e['contact.name'], required: true, requiredMark: req })}
          ${textField({ name: 'contact.address', label: this.t('regAddress'), value: p.contact.address, error: e['contact.address'], required: true, requiredMark: req })}
          ${textField({ name: 'contact.email', label: this.t('regEmail'), type: 'email', value: p.contact.email, error: e['contact.email'], required: true, requiredMark: req })}
          ${textField({ name: 'contact.phone', label: this.t('regPhone'), type: 'tel', value: p.contact.phone ?? '', error: e['contact.phone'] })}
        </div></fieldset>
        <fieldset><legend>${this.t('regDpo')}</legend>
          <div class="field"><label class="check"><input type="checkbox" .checked=${this.hasDpo} @change=${(ev: Event) => (this.hasDpo = (ev.target as HTMLInputElement).checked)} /> ${this.t('regHasDpo')}</label></div>
          ${this.hasDpo ? html`<div class="grid">
            ${textField({ name: 'dpo.name', label: this.t('regName'), value: p.dpo?.name ?? '', error: e['dpo.name'], required: true, requiredMark: req })}
            ${textField({ name: 'dpo.email', label: this.t('regEmail'), type: 'email', value: p.dpo?.email ?? '', error: e['dpo.email'], required: true, requiredMark: req })}
            ${textField({ name: 'dpo.phone', label: this.t('regPhone'), type: 'tel', value: p.dpo?.phone ?? '', error: e['dpo.phone'] })}
          </div>` : nothing}
        </fieldset>
        <fieldset><legend>${this.t('regSecurityTitle')}</legend><p class="hint">${this.t('pfMeasuresHint')}</p>
          ${textField({ name: 'securityMeasures.nl', label: this.t('pfMeasuresNl'), value: p.securityMeasures.nl, multiline: true, lang: 'nl', error: e['securityMeasures.nl'], required: true, requiredMark: req })}
          ${textField({ name: 'securityMeasures.en', label: this.t('pfMeasuresEn'), value: p.securityMeasures.en, multiline: true, lang: 'en', error: e['securityMeasures.en'], required: true, requiredMark: req })}
        </fieldset>
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? this.t('saving') : this.t('save')}</button>
      </form>`;
  }
}
customElements.define('admin-platform-profile', AdminPlatformProfile);
