import { html, nothing, css } from 'lit';
import type { TotpSetup } from '../../../../sdk/src/admin/auth.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminView } from '../../base/admin-element.js';
import { textField, formValues, focusFirstError } from '../../components/field/field.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { roleLabel } from '../../i18n/labels.js';
import '../../components/copy-button/copy-button.js';
import './password-form.js';
import './totp-off-form.js';

/** @summary The signed-in user's own account: who, password change, and two-step verification (TOTP) on and off. */
export class AdminAccount extends AdminView {
  static override styles = [AdminView.styles, css`:host{display:block} .card h2{margin-top:0} .secret dd{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}`];
  static override properties = { setup: { state: true }, error: { state: true }, busy: { state: true } };
  declare setup: TotpSetup | undefined;
  declare error: AdminClientError | undefined;
  declare busy: boolean;

  /** Enrolment starts only after the password again: a stolen session cannot enrol its own authenticator. */
  async #start(e: SubmitEvent) {
    e.preventDefault();
    const { password } = formValues(e.target as HTMLFormElement) as { password?: string };
    this.busy = true;
    this.error = undefined;
    const { data, error } = await call(store.client.me.setupTotp({ password: password ?? '' }));
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      await this.updateComplete;
      return focusFirstError(this.renderRoot);
    }
    this.setup = data;
  }

  async #enable(e: SubmitEvent) {
    e.preventDefault();
    const { code } = formValues(e.target as HTMLFormElement) as { code: string };
    this.busy = true;
    this.error = undefined;
    const { error } = await call(store.client.me.enableTotp(code));
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      await this.updateComplete;
      return focusFirstError(this.renderRoot);
    }
    this.setup = undefined;
    if (store.me) store.me = { ...store.me, totpEnabled: true };
    this.announce(this.t('enrolDone'));
    this.requestUpdate();
  }

  override render() {
    const me = store.me!;
    const errs = fieldErrors(this.error);
    return html`<h1>${this.t('accountTitle')}</h1>
      <section class="card"><dl class="facts">
        <dt>${this.t('accountName')}</dt><dd>${me.displayName}</dd>
        <dt>${this.t('accountLoginCode')}</dt><dd class="mono">${me.loginCode ?? '—'}</dd>
        ${me.signInName ? html`<dt>${this.t('accountSignInName')}</dt><dd class="mono">${me.signInName}</dd>` : nothing}
        <dt>${this.t('accountRole')}</dt><dd>${roleLabel(me.role)}${me.partnerOrg ? ` · ${me.partnerOrg.name}` : ''}</dd>
      </dl></section>
      <section class="card">
        <h2 id="totp-title">${this.t('enrolTitle')}</h2>
        <p>${me.totpEnabled ? this.t('accountTotpOn') : this.t('accountTotpOff')}</p>
        ${this.error && !errs.code && !errs.password ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
        ${!me.totpEnabled && !this.setup && me.loginCode
          ? html`<form @submit=${this.#start} novalidate>
              <p class="muted">${this.t('totpStartIntro')}</p>
              ${textField({ name: 'password', id: 'totp-start-password', label: this.t('password'), value: '', type: 'password', autocomplete: 'current-password', required: true, error: errs.password })}
              <button type="submit" class="primary" ?disabled=${this.busy}>${this.t('accountTotpStart')}</button>
            </form>`
          : nothing}
        ${me.totpEnabled && me.loginCode ? html`<admin-totp-off-form @admin-totp-changed=${() => this.requestUpdate()}></admin-totp-off-form>` : nothing}
        ${this.setup
          ? html`<dl class="facts secret"><dt>${this.t('enrolSecret')}</dt><dd><code>${this.setup.secret}</code><admin-copy-button .text=${this.setup.secret}></admin-copy-button></dd>
              <dt>${this.t('enrolUri')}</dt><dd><a href=${this.setup.otpauthUri}>${this.setup.otpauthUri}</a></dd></dl>
            <form @submit=${this.#enable} novalidate>
              ${textField({ name: 'code', label: this.t('totpCode'), value: '', error: errs.code ?? (this.error?.code === 'invalid_totp' ? errorText(this.error) : undefined), inputmode: 'numeric', autocomplete: 'one-time-code', required: true })}
              <button class="primary" type="submit" ?disabled=${this.busy}>${this.t('enrolConfirm')}</button>
            </form>`
          : nothing}
      </section>
      ${me.loginCode ? html`<admin-password-form></admin-password-form>` : nothing}`;
  }
}
customElements.define('admin-account', AdminAccount);
