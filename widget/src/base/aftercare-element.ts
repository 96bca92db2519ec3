import { LitElement, html, type PropertyDeclarations, type PropertyValues } from 'lit';
import { createClient, type PublicClient } from '../../../sdk/src/client/index.js';
import type { PublicConfig } from '../../../sdk/src/schemas/config.js';
import { M, failureKey, format, loadMessages, resolveLocale, type Locale, type Messages } from '../i18n/index.js';
import { AftercareErrorEvent, type WidgetErrorCode } from './events.js';
import { adoptTheme } from './theme.js';

/**
 * Shared base of every Aftercare element: the attributes all forms have, the message table of
 * the shown language, the tenant's `/v1/config` (loaded once per key and API base), its theme
 * tokens, and the error state when the form cannot load. Touches no browser global until used.
 */
export class AftercareElement extends LitElement {
  static override properties: PropertyDeclarations = {
    publishableKey: { attribute: 'publishable-key' },
    apiBase: { attribute: 'api-base' },
    locale: {},
    config: { state: true },
    messages: { state: true },
    loadError: { state: true },
  };

  /** The tenant's publishable key, `pk_…` (required). */
  declare publishableKey?: string;
  /** API origin; default: the origin the widget's script came from. */
  declare apiBase?: string;
  /** `nl`, `en`, `de` or `fr`; default the page's `<html lang>` when supported, else `nl`. */
  declare locale?: string;
  declare protected config?: PublicConfig;
  declare protected messages?: Messages;
  declare protected loadError?: WidgetErrorCode;
  protected client?: PublicClient;
  #shown?: Locale;
  #configFor?: string;
  #abort?: AbortController;

  /** The language the form is shown in. */
  get uiLocale(): Locale {
    return this.#shown ?? resolveLocale(this.locale);
  }

  /** Translated text of `key`, `{placeholders}` filled. */
  t(key: M, vars?: Record<string, string | number>): string {
    return format(this.messages?.[key] ?? '', vars);
  }

  override connectedCallback() {
    super.connectedCallback();
    this.requestUpdate(); // a form moved in the page resumes (and reloads a config it lost)
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    if (!this.config) this.#abort?.abort(), (this.#configFor = undefined);
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    const locale = resolveLocale(this.locale);
    if (locale !== this.#shown) {
      this.#shown = locale;
      loadMessages(locale).then((m) => void (this.#shown === locale && (this.messages = m)), () => this.fail('network_error'));
    }
    const key = `${this.publishableKey} ${this.apiBase}`;
    if (key !== this.#configFor) (this.#configFor = key), void this.loadConfig();
  }

  /** `GET /v1/config` (the SDK retries network errors and 5xx), then the tenant's theme. */
  protected async loadConfig() {
    this.#abort?.abort();
    this.config = this.loadError = undefined;
    const key = this.publishableKey?.trim();
    if (!key) return this.fail('missing_publishable_key');
    const abort = (this.#abort = new AbortController());
    this.client = createClient({ publishableKey: key, baseUrl: this.apiBase?.trim() || new URL(import.meta.url).origin });
    const { data, error } = await this.client.getConfig({ signal: abort.signal });
    if (abort.signal.aborted) return;
    if (error) return this.fail(error.code);
    this.config = data;
    adoptTheme(this.renderRoot as ShadowRoot, data.theme);
  }

  protected fail(code: WidgetErrorCode) {
    this.loadError = code;
    this.dispatchEvent(new AftercareErrorEvent({ code }));
  }

  /** The form, once the messages and the config are there. */
  protected renderForm(): unknown {
    return '';
  }

  override render() {
    const code = this.loadError;
    return html`<div class="root" lang=${this.uiLocale}>${
      !this.messages
        ? code && html`<p role="alert">Aftercare: ${code}</p>`
        : code
          ? html`<div class="error" role="alert"><p><strong>${this.t(M.xTitle)}</strong></p><p>${this.t(failureKey(code))}</p></div>`
          : this.config
            ? this.renderForm()
            : html`<p>${this.t(M.loading)}</p>`
    }</div>`;
  }
}
