import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { createClient, type PublicClient } from '../../../sdk/src/client/index.js';
import type { PublicConfig } from '../../../sdk/src/schemas/config.js';
import { format, loadMessages, resolveLocale, type Locale, type Messages } from '../i18n/index.js';
import { AftercareErrorEvent, type WidgetErrorCode } from './events.js';
import { adoptTheme } from './theme.js';

const RELOADABLE = new Set<WidgetErrorCode>(['network_error', 'timeout', 'internal', 'rate_limited']);

/** Where the widget's own files come from: the default API origin for script-tag users. */
const scriptOrigin = () => new URL(import.meta.url).origin;

/**
 * Shared base of every Aftercare element: attributes common to all forms, the message table of
 * the shown language, the tenant's `/v1/config` (one request per key), its theme tokens, and the
 * error state shown when the form cannot load. Touches no browser global until connected.
 */
export class AftercareElement extends LitElement {
  static override properties = {
    publishableKey: { attribute: 'publishable-key' },
    apiBase: { attribute: 'api-base' },
    locale: {},
    config: { state: true },
    messages: { state: true },
    loadError: { state: true },
  };

  /** The tenant's publishable key, `pk_…` (required). */
  declare publishableKey?: string;
  /** API origin; default the origin the widget script came from. */
  declare apiBase?: string;
  /** `nl`, `en`, `de` or `fr`; default the page's `<html lang>` when supported, else `nl`. */
  declare locale?: string;
  declare protected config?: PublicConfig;
  declare protected messages?: Messages;
  declare protected loadError?: WidgetErrorCode;

  protected client?: PublicClient;
  private shown?: Locale;
  private configFor?: string;
  private configAbort?: AbortController;
  private themeSheet?: CSSStyleSheet;

  /** The language the form is shown in. */
  get uiLocale(): Locale {
    return this.shown ?? resolveLocale(this.locale);
  }

  /** Translated text of `key`; the key itself when a table lacks it. */
  t(key: string, vars?: Record<string, string | number>): string {
    return format(this.messages?.[key as keyof Messages] ?? key, vars);
  }

  /** Text of an error code: `x.<code>`, else a generic sentence. */
  protected errorMessage(code: string): string {
    return this.messages?.[`x.${code}` as keyof Messages] ?? this.t('x.generic');
  }

  override connectedCallback() {
    super.connectedCallback();
    this.requestUpdate(); // a form moved in the page picks up where it was
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    if (!this.config) {
      this.configAbort?.abort();
      this.configFor = undefined;
    }
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    const locale = resolveLocale(this.locale);
    if (locale !== this.shown) {
      this.shown = locale;
      loadMessages(locale).then(
        (m) => void (this.shown === locale && (this.messages = m)),
        () => this.fail('network_error'),
      );
    }
    const key = `${this.publishableKey ?? ''} ${this.apiBase ?? ''}`;
    if (key !== this.configFor) {
      this.configFor = key;
      void this.loadConfig();
    }
  }

  /** Fetches `/v1/config` (the SDK retries network errors and 5xx) and applies its theme. */
  protected async loadConfig() {
    this.configAbort?.abort();
    this.config = undefined;
    this.loadError = undefined;
    const key = this.publishableKey?.trim();
    if (!key) return this.fail('missing_publishable_key');
    const abort = (this.configAbort = new AbortController());
    this.client = createClient({ publishableKey: key, baseUrl: this.apiBase?.trim() || scriptOrigin() });
    const result = await this.client.getConfig({ signal: abort.signal });
    if (abort.signal.aborted) return;
    if (result.error) return this.fail(result.error.code);
    this.config = result.data;
    this.themeSheet = adoptTheme(this.renderRoot as ShadowRoot, result.data.theme, this.themeSheet);
  }

  protected fail(code: WidgetErrorCode) {
    this.loadError = code;
    this.dispatchEvent(new AftercareErrorEvent({ code }));
  }

  /** The form itself, once messages and config are there. */
  protected renderForm(): unknown {
    return nothing;
  }

  override render() {
    const body = !this.messages
      ? this.loadError && html`<p role="alert">Aftercare: ${this.loadError}</p>`
      : this.loadError
        ? html`<div class="alert" role="alert">
            <p><strong>${this.t('x.title')}</strong></p>
            <p>${this.errorMessage(this.loadError)}</p>
            ${RELOADABLE.has(this.loadError)
              ? html`<button type="button" part="button" @click=${() => this.loadConfig()}>${this.t('retry')}</button>`
              : nothing}
          </div>`
        : this.config
          ? this.renderForm()
          : html`<p class="loading">${this.t('loading')}</p>`;
    return html`<div class="root" lang=${this.uiLocale} aria-busy=${this.messages && (this.config || this.loadError) ? 'false' : 'true'}>${body}</div>`;
  }
}
