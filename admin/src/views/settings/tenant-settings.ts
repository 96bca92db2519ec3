import { html, nothing, css } from 'lit';
import { THEME_TOKENS, type SettingsOutput, type SettingsPatchInput } from '../../../../sdk/src/admin/settings.js';
import { CASE_KINDS } from '../../../../sdk/src/schemas/case.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { textField, selectField, focusFirstError } from '../../components/field/field.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { kindLabel } from '../../i18n/labels.js';
import { formatDateTime } from '../../i18n/index.js';
import { errorAt } from './field-errors.js';

const LOCALE_NAMES: Record<string, string> = { nl: 'Nederlands', en: 'English', de: 'Deutsch', fr: 'Français' };

/** @summary The tenant's settings: name, privacy URL, origins, kinds, languages, TOTP rule, theme. */
export class AdminTenantSettings extends AdminElement {
  static override styles = [AdminElement.styles, css`
    :host { display: block; }
    .checks { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr)); gap: 0.4rem 1rem; }
    .theme { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr)); gap: 0 1rem; }
    textarea { min-height: 5rem; }
    td { white-space: nowrap; }
    td.wrap { white-space: normal; overflow-wrap: anywhere; }
  `];
  static override properties = { settings: { state: true }, error: { state: true }, busy: { state: true } };
  declare settings: SettingsOutput | undefined;
  declare error: AdminClientError | undefined;
  declare busy: boolean;

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    const { data, error } = await call(store.client.settings.get());
    this.settings = data;
    this.error = error;
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const fd = new FormData(form);
    const theme: Record<string, string> = {};
    for (const token of THEME_TOKENS) {
      const val = String(fd.get(`theme.${token}`) ?? '').trim();
      if (val) theme[token] = val;
    }
    const patch: SettingsPatchInput = {
      name: String(fd.get('name') ?? ''),
      privacyUrl: String(fd.get('privacyUrl') ?? ''),
      allowedOrigins: String(fd.get('allowedOrigins') ?? '').split(/\s+/).map((s) => s.trim()).filter(Boolean),
      kinds: fd.getAll('kinds').map(String) as SettingsPatchInput['kinds'],
      locales: fd.getAll('locales').map(String) as SettingsPatchInput['locales'],
      defaultLocale: String(fd.get('defaultLocale') ?? 'nl') as SettingsPatchInput['defaultLocale'],
      requireTotpForOwners: fd.get('requireTotpForOwners') === 'on',
      theme: theme as SettingsPatchInput['theme'],
    };
    this.busy = true;
    this.error = undefined;
    const { data, error } = await call(store.client.settings.update(patch));
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      await this.updateComplete;
      return focusFirstError(this.renderRoot);
    }
    this.settings = data;
    this.announce(this.t('settingsSaved'));
  }

  #checks(name: string, legend: string, values: readonly string[], chosen: readonly string[], label: (v: string) => string, error?: string) {
    return html`<fieldset aria-describedby=${error ? `${name}-error` : nothing}>
      <legend>${legend}</legend>
      <div class="checks">${values.map((v) => html`<label class="check"><input type="checkbox" name=${name} value=${v} ?checked=${chosen.includes(v)} /> ${label(v)}</label>`)}</div>
      ${error ? html`<p class="field-error" id=${`${name}-error`}>${error}</p>` : nothing}
    </fieldset>`;
  }

  override render() {
    const s = this.settings;
    if (!s) return this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : html`<p role="status">${this.t('loading')}</p>`;
    const errs = fieldErrors(this.error);
    return html`<form class="card" @submit=${this.#submit} novalidate>
        ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
        <dl class="facts"><dt>${this.t('sSlug')}</dt><dd class="mono">${s.slug}</dd></dl>
        <p class="hint">${this.t('sSlugHint', { slug: s.slug })}</p>
        ${textField({ name: 'name', label: this.t('sName'), value: s.name, error: errs.name, required: true })}
        ${textField({ name: 'privacyUrl', label: this.t('sPrivacyUrl'), hint: this.t('sPrivacyUrlHint'), value: s.privacyUrl, type: 'url', error: errs.privacyUrl, required: true })}
        ${textField({ name: 'allowedOrigins', label: this.t('sOrigins'), hint: this.t('sOriginsHint'), value: s.allowedOrigins.join('\n'), multiline: true, error: errorAt(errs, 'allowedOrigins') })}
        ${this.#checks('kinds', this.t('sKinds'), CASE_KINDS, s.kinds, kindLabel, errorAt(errs, 'kinds'))}
        ${this.#checks('locales', this.t('sLocales'), Object.keys(LOCALE_NAMES), s.locales, (l) => LOCALE_NAMES[l] ?? l, errorAt(errs, 'locales'))}
        ${selectField({ name: 'defaultLocale', label: this.t('sDefaultLocale'), value: s.defaultLocale, error: errs.defaultLocale, options: Object.entries(LOCALE_NAMES).map(([value, label]) => ({ value, label })) })}
        <div class="field"><label class="check"><input type="checkbox" name="requireTotpForOwners" ?checked=${s.requireTotpForOwners} /> ${this.t('sRequireTotp')}</label></div>
        <fieldset>
          <legend>${this.t('sTheme')}</legend>
          <p class="hint">${this.t('sThemeHint')}</p>
          <div class="theme">${THEME_TOKENS.map((token) => textField({ name: `theme.${token}`, label: `--aftercare-${token}`, value: s.theme[token] ?? '', error: errs[`theme.${token}`] }))}</div>
        </fieldset>
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? this.t('saving') : this.t('save')}</button>
      </form>
      <section>
        <h2 id="pk-title">${this.t('sPublishableKeys')}</h2>
        <p class="muted">${this.t('sPublishableKeysHint')}</p>
        <div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('sPublishableKeys')}><table>
          <caption>${this.t('sPublishableKeys')}</caption>
          <thead><tr><th scope="col">${this.t('colKey')}</th><th scope="col">${this.t('colOrigins')}</th><th scope="col">${this.t('colCreated')}</th></tr></thead>
          <tbody>${s.publishableKeys.map((k) => html`<tr><td class="mono wrap">${k.key}</td><td class="wrap">${k.origins.join(', ')}</td><td>${formatDateTime(k.createdAt, store.locale)}</td></tr>`)}</tbody>
        </table></div>
      </section>`;
  }
}
customElements.define('admin-tenant-settings', AdminTenantSettings);
