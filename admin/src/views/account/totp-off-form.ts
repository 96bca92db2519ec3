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
 * @summary Turn one's own two-step verification off, confirmed with the password and a current
 * code from the authenticator (issue 9 item 15c). Refused (409)
 * when the tenant requires it of owners; a wrong password is an error on the field.
 */
export class AdminTotpOffForm extends AdminElement {
  static override styles = [AdminElement.styles, css`:host{display:block} input{max-width:24rem}`];
  static override properties = { error: { state: true }, busy: { state: true } };
  declare error: AdminClientError | undefined;
  declare busy: boolean;
  #password = '';
  #code = '';

  constructor() {
    super();
    this.busy = false;
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    this.busy = true;
    this.error = undefined;
    const { error } = await call(store.client.me.disableTotp({ password: this.#password, totpCode: this.#code }));
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      await this.updateComplete;
      return focusFirstError(this.renderRoot);
    }
    this.#password = '';
    this.#code = '';
    if (store.me) store.me = { ...store.me, totpEnabled: false };
    this.announce(this.t('totpOffDone'));
    this.dispatchEvent(new TotpChangedEvent());
  }

  override render() {
    const errs = fieldErrors(this.error);
    const input = (e: Event) => {
      const el = e.target as HTMLInputElement;
      if (el.name === 'totpCode') this.#code = el.value;
      else this.#password = el.value;
    };
    return html`<form @submit=${this.#submit} @input=${input} novalidate>
      <h3 id="totp-off-title">${this.t('totpOffTitle')}</h3>
      <p class="muted">${this.t('totpOffIntro')}</p>
      ${this.error && !errs.password && !errs.totpCode ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
      ${textField({ name: 'password', id: 'totp-off-password', label: this.t('password'), value: this.#password, type: 'password', autocomplete: 'current-password', required: true, error: errs.password })}
      ${textField({ name: 'totpCode', id: 'totp-off-code', label: this.t('totpCode'), value: this.#code, inputmode: 'numeric', autocomplete: 'one-time-code', required: true, error: errs.totpCode ?? (this.error?.code === 'invalid_totp' ? errorText(this.error) : undefined) })}
      <button type="submit" ?disabled=${this.busy}>${this.t('totpOffButton')}</button>
    </form>`;
  }
}
customElements.define('admin-totp-off-form', AdminTotpOffForm);
