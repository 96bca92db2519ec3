import { html, nothing, css } from 'lit';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { textField, focusFirstError } from '../../components/field/field.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';

/**
 * @summary Change one's own password: the current one and a new one (server rules: 12+ characters,
 * not a common password, not the login code), errors per field. The server signs out every other
 * session of the user; this one stays.
 */
export class AdminPasswordForm extends AdminElement {
  static override styles = [AdminElement.styles, css`:host{display:block} .card h2{margin-top:0} .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,16rem),1fr));gap:0 1rem} input{max-width:none}`];
  static override properties = { error: { state: true }, busy: { state: true }, done: { state: true } };
  declare error: AdminClientError | undefined;
  declare busy: boolean;
  declare done: boolean;
  /** What was typed (in memory only), so a refused submit does not wipe both fields. */
  #draft = { currentPassword: '', newPassword: '' };

  constructor() {
    super();
    this.busy = false;
    this.done = false;
  }

  #input(e: Event) {
    const el = e.target as HTMLInputElement;
    if (el.name === 'currentPassword' || el.name === 'newPassword') this.#draft[el.name] = el.value;
    this.done = false;
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    this.busy = true;
    this.error = undefined;
    const { error } = await call(store.client.me.changePassword({ ...this.#draft }));
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      await this.updateComplete;
      return focusFirstError(this.renderRoot);
    }
    this.#draft = { currentPassword: '', newPassword: '' };
    form.reset();
    this.done = true;
    this.announce(this.t('passwordChanged'));
  }

  override render() {
    const errs = fieldErrors(this.error);
    const general = this.error && !errs.currentPassword && !errs.newPassword;
    return html`<section class="card">
      <h2 id="pw-title">${this.t('passwordTitle')}</h2>
      ${general ? html`<div class="notice error" role="alert"><p>${errorText(this.error!)}</p></div>` : nothing}
      ${this.done ? html`<p class="notice info">${this.t('passwordChanged')}</p>` : nothing}
      <form @submit=${this.#submit} @input=${this.#input} novalidate aria-labelledby="pw-title">
        <div class="grid">
          ${textField({ name: 'currentPassword', id: 'pw-current', label: this.t('passwordCurrent'), value: this.#draft.currentPassword, type: 'password', autocomplete: 'current-password', required: true, error: errs.currentPassword })}
          ${textField({ name: 'newPassword', id: 'pw-new', label: this.t('passwordNew'), hint: this.t('uPasswordHint'), value: this.#draft.newPassword, type: 'password', autocomplete: 'new-password', required: true, error: errs.newPassword })}
        </div>
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.t('passwordChange')}</button>
      </form>
    </section>`;
  }
}
customElements.define('admin-password-form', AdminPasswordForm);
