import { html, nothing } from 'lit';
import type { WebhookDeliveryView, WebhookSettingsView } from '../../../../sdk/src/admin/webhooks.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { textField, focusFirstError } from '../../components/field/field.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { formatDateTime } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/index.js';
import type { AdminConfirmDialog } from '../../components/dialog/confirm-dialog.js';
import { complianceStyles } from './compliance.styles.js';
import '../../components/dialog/confirm-dialog.js';
import '../../components/copy-button/copy-button.js';

/** @summary Webhooks: endpoint and personal-data opt-in (owner), signing secret shown once with a copy button, deliveries, test ping. */
export class AdminWebhooks extends AdminElement {
  static override styles = [AdminElement.styles, complianceStyles];
  static override properties = {
    manage: { type: Boolean }, settings: { state: true }, deliveries: { state: true }, next: { state: true },
    error: { state: true }, busy: { state: true }, secret: { state: true },
  };
  declare manage: boolean;
  declare settings: WebhookSettingsView | undefined;
  declare deliveries: WebhookDeliveryView[] | undefined;
  declare next: string | null;
  declare error: AdminClientError | undefined;
  declare busy: boolean;
  /** The new secret, shown this once (never stored; gone on the next view). */
  declare secret: string | undefined;

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    const [s, d] = await Promise.all([call(store.client.webhooks.get()), call(store.client.webhooks.deliveries({ limit: 20 }))]);
    this.settings = s.data;
    this.error = s.error ?? d.error;
    this.deliveries = d.data?.items;
    this.next = d.data?.nextCursor ?? null;
  }

  async #more() {
    if (!this.next) return;
    const { data, error } = await call(store.client.webhooks.deliveries({ limit: 20, before: this.next }));
    if (error) return this.announce(errorText(error), true);
    this.deliveries = [...(this.deliveries ?? []), ...data.items];
    this.next = data.nextCursor;
  }

  async #showSecret(secret: string) {
    this.secret = secret;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#secret-title')?.focus();
  }

  async #save(e: SubmitEvent) {
    e.preventDefault();
    const fd = new FormData(e.target as HTMLFormElement);
    const url = String(fd.get('url') ?? '').trim();
    this.busy = true;
    this.error = undefined;
    const { data, error } = await call(store.client.webhooks.update({ url: url || null, personalData: fd.get('personalData') === 'on' }));
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      await this.updateComplete;
      return focusFirstError(this.renderRoot);
    }
    this.settings = data;
    this.announce(this.t('whSaved'));
    if (data.secret) await this.#showSecret(data.secret);
  }

  async #rotate() {
    if (!(await this.renderRoot.querySelector<AdminConfirmDialog>('admin-confirm-dialog')!.open())) return;
    const { data, error } = await call(store.client.webhooks.rotateSecret());
    if (error) return (this.error = error), this.announce(errorText(error), true);
    this.settings = { ...this.settings!, secretPrefix: data.secretPrefix };
    await this.#showSecret(data.secret);
  }

  async #test() {
    const { error } = await call(store.client.webhooks.test());
    if (error) return (this.error = error), this.announce(errorText(error), true);
    this.announce(this.t('whTestQueued'));
    await this.#load();
  }

  #when(d: WebhookDeliveryView) {
    const at = d.deliveredAt ?? d.failedAt ?? d.nextAttemptAt;
    return at ? formatDateTime(at, store.locale) : '—';
  }

  #deliveries() {
    const list = this.deliveries;
    if (!list) return nothing;
    return html`<h2>${this.t('whDeliveries')}</h2>${!list.length ? html`<p class="card">${this.t('whNoDeliveries')}</p>` : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('whDeliveriesCaption')}><table>
      <caption>${this.t('whDeliveriesCaption')}</caption>
      <thead><tr><th scope="col">${this.t('whEvent')}</th><th scope="col">${this.t('colCreated')}</th><th scope="col">${this.t('colStatus')}</th>
        <th scope="col">${this.t('whAttempts')}</th><th scope="col">${this.t('whWhen')}</th><th scope="col">${this.t('whLast')}</th><th scope="col">${this.t('whId')}</th></tr></thead>
      <tbody>${list.map((d) => html`<tr><td><code>${d.event}</code></td><td>${formatDateTime(d.createdAt, store.locale)}</td>
        <td>${this.t(`wh_${d.status}` as MessageKey)}</td><td>${d.attempts}</td><td>${this.#when(d)}</td>
        <td>${d.lastStatus ?? ''}${d.lastError ? html` <code>${d.lastError}</code>` : nothing}${!d.lastStatus && !d.lastError ? '—' : nothing}</td><td class="mono">${d.id}</td></tr>`)}</tbody>
    </table></div>`}
    ${this.next ? html`<div class="actions"><button type="button" @click=${this.#more}>${this.t('loadMore')}</button></div>` : nothing}`;
  }

  override render() {
    const s = this.settings;
    if (!s) return this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : html`<p role="status">${this.t('loading')}</p>`;
    const errs = fieldErrors(this.error);
    return html`<p>${this.t('whIntro')}</p>
      ${this.secret ? html`<section class="notice ok"><h2 id="secret-title" tabindex="-1">${this.t('whSecretTitle')}</h2><p>${this.t('whSecretText')}</p>
        <div class="secret"><code id="wh-secret">${this.secret}</code><admin-copy-button .text=${this.secret}></admin-copy-button></div></section>` : nothing}
      ${this.manage ? html`<form class="card" @submit=${this.#save} novalidate>
        ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
        ${textField({ name: 'url', label: this.t('whUrl'), hint: this.t('whUrlHint'), value: s.url ?? '', type: 'url', error: errs.url })}
        <div class="field"><label class="check"><input type="checkbox" name="personalData" ?checked=${s.personalData} aria-describedby="pd-hint" /> ${this.t('whPersonalData')}</label>
          <p class="hint" id="pd-hint">${this.t('whPersonalDataHint')}</p></div>
        <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? this.t('saving') : this.t('save')}</button>
      </form>` : html`<dl class="facts card"><dt>${this.t('whUrl')}</dt><dd>${s.url ?? this.t('whOff')}</dd><dt>${this.t('whPersonalData')}</dt><dd>${s.personalData ? this.t('yes') : this.t('no')}</dd></dl>`}
      <section class="card"><h2>${this.t('whSecret')}</h2>
        <p>${s.secretPrefix ? this.t('whSecretPrefix', { prefix: s.secretPrefix }) : this.t('whNoSecret')}</p>
        ${this.manage ? html`<div class="actions">
          <button type="button" @click=${this.#rotate}>${this.t('whRotate')}</button>
          <button type="button" @click=${this.#test} ?disabled=${!s.url}>${this.t('whTest')}</button></div>` : nothing}
      </section>
      ${this.#deliveries()}
      <admin-confirm-dialog .heading=${this.t('whRotateTitle')} .message=${this.t('whRotateText')} .confirmLabel=${this.t('whRotate')}></admin-confirm-dialog>`;
  }
}
customElements.define('admin-webhooks', AdminWebhooks);
