import { html, nothing, css } from 'lit';
import type { ConsentTextVersion } from '../../../../sdk/src/admin/settings.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { textField, selectField, formValues, focusFirstError } from '../../components/field/field.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { formatDateTime } from '../../i18n/index.js';

const LOCALES = ['nl', 'en', 'de', 'fr'] as const;

/** @summary Consent texts per language with every version kept; a change adds a version. */
export class AdminConsentTexts extends AdminElement {
  static override styles = [AdminElement.styles, css`
    :host { display: block; }
    td.text { white-space: pre-wrap; min-width: 16rem; max-width: 40rem; overflow-wrap: anywhere; }
    td { white-space: nowrap; }
    textarea { max-width: none; min-height: 8rem; }
  `];
  static override properties = { items: { state: true }, error: { state: true }, busy: { state: true }, draft: { state: true } };
  declare items: ConsentTextVersion[] | undefined;
  declare error: AdminClientError | undefined;
  declare busy: boolean;
  declare draft: { locale: string; text: string };

  constructor() {
    super();
    this.busy = false;
    this.draft = { locale: 'nl', text: '' };
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    const { data, error } = await call(store.client.settings.consentTexts());
    this.items = data?.items;
    if (error) this.error = error;
    const current = data?.items.find((i) => i.locale === this.draft.locale && i.current);
    if (current && !this.draft.text) this.draft = { ...this.draft, text: current.text };
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const v = formValues(e.target as HTMLFormElement) as { locale: string; text: string };
    this.draft = v;
    this.busy = true;
    this.error = undefined;
    const { data, error } = await call(store.client.settings.addConsentText({ locale: v.locale as 'nl', text: v.text }));
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      await this.updateComplete;
      return focusFirstError(this.renderRoot);
    }
    this.announce(this.t('consentAdded', { version: data.version }));
    await this.#load();
  }

  #pickLocale(e: Event) {
    const locale = (e.target as HTMLSelectElement).value;
    if ((e.target as HTMLSelectElement).name !== 'locale') return;
    const current = this.items?.find((i) => i.locale === locale && i.current);
    this.draft = { locale, text: current?.text ?? '' };
  }

  override render() {
    const errs = fieldErrors(this.error);
    const items = this.items ?? [];
    return html`<p>${this.t('consentIntro')}</p>
      <form class="card" @submit=${this.#submit} @change=${this.#pickLocale} novalidate>
        <h2>${this.t('consentNew')}</h2>
        ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
        ${selectField({ name: 'locale', label: this.t('consentLocale'), value: this.draft.locale, error: errs.locale, options: LOCALES.map((l) => ({ value: l, label: l.toUpperCase() })) })}
        ${textField({ name: 'text', label: this.t('consentText'), value: this.draft.text, multiline: true, error: errs.text, required: true })}
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.t('consentAdd')}</button>
      </form>
      ${this.items === undefined && !this.error ? html`<p role="status">${this.t('loading')}</p>` : nothing}
      ${LOCALES.filter((l) => items.some((i) => i.locale === l)).map((l) => html`
        <div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('consentVersionsCaption', { locale: l.toUpperCase() })}><table>
          <caption>${this.t('consentVersionsCaption', { locale: l.toUpperCase() })}</caption>
          <thead><tr><th scope="col">${this.t('colVersion')}</th><th scope="col">${this.t('colCreated')}</th><th scope="col">${this.t('colText')}</th><th scope="col">${this.t('colHash')}</th></tr></thead>
          <tbody>${items.filter((i) => i.locale === l).map((i) => html`<tr>
            <td>${i.version}${i.current ? html` <span class="badge">${this.t('consentCurrent')}</span>` : nothing}</td>
            <td>${formatDateTime(i.createdAt, store.locale)}</td><td class="text">${i.text}</td><td class="mono">${i.sha256.slice(0, 16)}…</td></tr>`)}</tbody>
        </table></div><p></p>`)}`;
  }
}
customElements.define('admin-consent-texts', AdminConsentTexts);
