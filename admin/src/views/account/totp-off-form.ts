import { html, nothing, css } from 'lit';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { textField, focusFirstError } from '../../components/field/field.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';

/** Fired when two-step verification was turned off (the account view re-renders). */
export class TotpChangedEvent extends Event {
  constructor() {
    super('admin-totp-changed', { bubbles: true, composed: true });
  }
}

/**
 * @summary Turn one's own two-step verification off, confirmed with the password. Refused (409)
 * when the tenant requires it of owners; a wrong password is an error on the field.
 */
export class AdminTotpOffForm extends AdminElement {
  static override styles = [AdminElement.styles, css`:host{display:block} input{max-width:24rem}`];
  static override properties = { error: { state: true }, busy: { state: true } };
  declare error: AdminClientError | undefined;
  declare busy: boolean;
  #password = '';

  constructor() {
    super();
    this.busy = false;
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    this.busy = true;
    this.error = undefined;
    const { error } = await call(store.client.me.disableTotp(this.#password));
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      await this.updateComplete;
      return focusFirstError(this.renderRoot);
    }
    this.#password = '';
    if (store.me) store.me = { ...store.me, totpEnabled: false };
    this.announce(this.t('totpOffDone'));
    this.dispatchEvent(new TotpChangedEvent());
  }

  override render() {
    const errs = fieldErrors(this.error);
    return html`<form @submit=${this.#submit} @input=${(e: Event) => (this.#password = (e.target as HTMLInputElement).value)} novalidate>
      <h3 id="totp-off-title">${this.t('totpOffTitle')}</h3>
      <p class="muted">${this.t('totpOffIntro')}</p>
      ${this.error && !errs.password ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
      ${textField({ name: 'password', id: 'totp-off-password', label: this.t('password'), value: this.#password, type: 'password', autocomplete: 'current-password', required: true, error: errs.password })}
      <button type="submit" ?disabled=${this.busy}>${this.t('totpOffButton')}</button>
    </form>`;
  }
}
customElements.define('admin-totp-off-form', AdminTotpOffForm);
