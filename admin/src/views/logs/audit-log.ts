import { html, nothing, css } from 'lit';
import type { AuditLogEntry, AuditVerifyResult } from '../../../../sdk/src/admin/exports.js';
import { store } from '../../state/store.js';
import { call, errorText } from '../../state/errors.js';
import { formatDateTime } from '../../i18n/index.js';
import { LogPageElement, actorName } from './log-page.js';

/** @summary The audit log (field names only, never values) and "verify chain". */
export class AdminAuditLog extends LogPageElement<AuditLogEntry> {
  static override styles = [LogPageElement.styles, css`
    :host { display: block; }
    td, th { white-space: nowrap; }
    td.fields { white-space: normal; min-width: 10rem; }
    .verify { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
    .verify .notice { margin: 0; }
  `];
  static override properties = { ...LogPageElement.properties, verify: { state: true }, verifying: { state: true } };
  declare verify: AuditVerifyResult | undefined;
  declare verifying: boolean;

  protected fetchPage(cursor?: string) {
    return store.client.logs.audit(cursor ? { cursor } : {});
  }

  async #verify() {
    this.verifying = true;
    this.verify = undefined;
    const { data, error } = await call(store.client.logs.verify());
    this.verifying = false;
    if (error) return (this.error = error), this.announce(errorText(error), true);
    this.verify = data;
    this.announce(this.#verifyText(data), !data.ok);
  }

  #verifyText(v: AuditVerifyResult) {
    return v.ok ? this.t('verifyOk', { count: v.count }) : this.t('verifyBroken', { at: v.brokenAt, reason: v.reason });
  }

  override render() {
    const v = this.verify;
    return html`<p>${this.t('auditLogIntro')}</p>
      <div class="verify card">
        <button type="button" class="primary" @click=${this.#verify} ?disabled=${this.verifying}>${this.verifying ? this.t('verifying') : this.t('verifyButton')}</button>
        ${v ? html`<p class="notice ${v.ok ? 'ok' : 'error'}">${this.#verifyText(v)}</p>` : nothing}
      </div>
      ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
      ${!this.items
        ? (this.error ? nothing : html`<p role="status">${this.t('loading')}</p>`)
        : !this.items.length
          ? html`<p class="card">${this.t('noAudit')}</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('auditLogCaption')}><table>
              <caption>${this.t('auditLogCaption')}</caption>
              <thead><tr><th scope="col">${this.t('colSeq')}</th><th scope="col">${this.t('colWhen')}</th><th scope="col">${this.t('colWho')}</th>
                <th scope="col">${this.t('colAction')}</th><th scope="col">${this.t('colEntity')}</th><th scope="col">${this.t('colFields')}</th></tr></thead>
              <tbody>${this.items.map((e) => html`<tr><td>${e.seq}</td><td>${formatDateTime(e.at, store.locale)}</td><td>${actorName(e.actor)}</td>
                <td><code>${e.action}</code></td><td><code>${e.entityType}</code> <span class="mono muted">…${e.entityId.slice(-8)}</span></td>
                <td class="fields">${e.fields.length ? e.fields.join(', ') : '—'}</td></tr>`)}</tbody>
            </table></div>`}
      ${this.next ? html`<div class="actions"><button type="button" ?disabled=${this.loading} @click=${() => this.load(this.next!)}>${this.loading ? this.t('loading') : this.t('loadMore')}</button></div>` : nothing}`;
  }
}
customElements.define('admin-audit-log', AdminAuditLog);
