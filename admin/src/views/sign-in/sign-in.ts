import { html, nothing } from 'lit';
import { AdminView } from '../../base/admin-element.js';
import { textField, formValues, focusFirstError } from '../../components/field/field.js';
import { errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import type { LoginResult, Me, TotpSetup } from '../../../../sdk/src/admin/auth.js';
import { signInStyles } from './sign-in.styles.js';
import '../../components/copy-button/copy-button.js';

type Step = 'password' | 'totp' | 'setup';

/**
 * @summary Sign-in: login code + password; then a TOTP code when the account has one, or TOTP
 * enrolment when the tenant requires it of owners. Errors per field and in a live region.
 */
export class AdminSignIn extends AdminView {
  static override styles = [AdminView.styles, signInStyles];
  static override properties = {
    step: { state: true },
    busy: { state: true },
    error: { state: true },
    setup: { state: true },
  };
  declare step: Step;
  declare busy: boolean;
  declare error: AdminClientError | undefined;
  declare setup: TotpSetup | undefined;

  constructor() {
    super();
    this.step = 'password';
    this.busy = false;
  }

  #after(stage: LoginResult | { stage: 'done'; user: Me }) {
    if (stage.stage === 'done') return store.signedIn(stage.user);
    this.step = stage.stage === 'totp' ? 'totp' : 'setup';
    if (this.step === 'setup') void this.#loadSetup();
    void this.updateComplete.then(() => this.#focusHeading());
  }

  #focusHeading() {
    const h1 = this.renderRoot.querySelector('h1');
    h1?.setAttribute('tabindex', '-1');
    h1?.focus();
  }

  async #loadSetup() {
    const { data, error } = await store.client.auth.setupTotp();
    if (data) this.setup = data;
    else this.#fail(error);
  }

  async #fail(error: AdminClientError) {
    this.error = error;
    this.announce(errorText(error), true);
    await this.updateComplete;
    focusFirstError(this.renderRoot);
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    if (this.busy) return;
    const v = formValues(e.target as HTMLFormElement) as Record<string, string>;
    this.busy = true;
    this.error = undefined;
    store.notice = null;
    try {
      if (this.step === 'password') {
        const { data, error } = await store.client.auth.login({ loginCode: v.loginCode ?? '', password: v.password ?? '' });
        if (error) return void (await this.#fail(error));
        this.#after(data);
      } else if (this.step === 'totp') {
        const { data, error } = await store.client.auth.totp(v.code ?? "");
        if (error) return void (await this.#fail(error));
        this.#after(data);
      } else {
        const { data, error } = await store.client.auth.enableTotp(v.code ?? "");
        if (error) return void (await this.#fail(error));
        this.announce(this.t('enrolDone'));
        this.#after(data);
      }
    } finally {
      this.busy = false;
    }
  }

  #notice() {
    if (this.error) {
      return html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>`;
    }
    if (store.notice) return html`<div class="notice info" role="status"><p>${this.t(store.notice)}</p></div>`;
    return nothing;
  }

  override render() {
    const errs = fieldErrors(this.error);
    const codeError = errs.code ?? (this.error?.code === 'invalid_totp' ? errorText(this.error) : undefined);
    if (this.step === 'password') {
      const bad = this.error?.code === 'invalid_credentials';
      return html`<section class="card">
        <h1>${this.t('signInTitle')}</h1>
        <p>${this.t('signInIntro')}</p>
        ${this.#notice()}
        <form @submit=${this.#submit} novalidate>
          ${textField({ name: 'loginCode', label: this.t('loginCode'), hint: this.t('loginCodeHint'), value: '', error: errs.loginCode, invalid: bad, autocomplete: 'username', required: true })}
          ${textField({ name: 'password', label: this.t('password'), value: '', type: 'password', error: errs.password, invalid: bad, autocomplete: 'current-password', required: true })}
          <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? this.t('signingIn') : this.t('signIn')}</button></div>
        </form>
      </section>`;
    }
    const setup = this.step === 'setup';
    return html`<section class="card">
      <h1>${setup ? this.t('enrolTitle') : this.t('totpTitle')}</h1>
      <p>${setup ? this.t('enrolIntro') : this.t('totpIntro')}</p>
      ${this.#notice()}
      ${setup && this.setup
        ? html`<dl class="facts secret">
            <dt>${this.t('enrolSecret')}</dt>
            <dd><code id="secret">${this.setup.secret}</code> <admin-copy-button .text=${this.setup.secret}></admin-copy-button></dd>
            <dt>${this.t('enrolUri')}</dt>
            <dd><a href=${this.setup.otpauthUri}>${this.setup.otpauthUri}</a></dd>
          </dl>`
        : nothing}
      <form @submit=${this.#submit} novalidate>
        ${textField({ name: 'code', label: this.t('totpCode'), value: '', error: codeError, autocomplete: 'one-time-code', inputmode: 'numeric', required: true })}
        <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${setup ? this.t('enrolConfirm') : this.t('totpVerify')}</button></div>
      </form>
    </section>`;
  }
}

customElements.define('admin-sign-in', AdminSignIn);
