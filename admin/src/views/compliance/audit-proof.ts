import { html, nothing } from 'lit';
import type { AuditCheckpointView, AuditPublicKey, AuditVerification } from '../../../../sdk/src/admin/audit.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { call, errorText } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { formatDateTime } from '../../i18n/index.js';
import { complianceStyles } from './compliance.styles.js';
import { deadlineStatus } from './status.js';

const CLI = 'npm run aftercare -- audit verify --file <bundle> --public-key <key.json>';

/**
 * @summary The audit log you can prove (R17): verify the chain AND the signed checkpoints, the
 * result in words; the checkpoints; the bundle to verify offline, with the CLI command.
 */
export class AdminAuditProof extends AdminElement {
  static override styles = [AdminElement.styles, complianceStyles];
  static override properties = { result: { state: true }, verifying: { state: true }, checkpoints: { state: true }, next: { state: true }, key: { state: true }, error: { state: true } };
  declare result: AuditVerification | undefined;
  declare verifying: boolean;
  declare checkpoints: AuditCheckpointView[] | undefined;
  declare next: string | null;
  declare key: AuditPublicKey | undefined;
  declare error: AdminClientError | undefined;

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load(cursor?: string) {
    const [c, k] = await Promise.all([call(store.client.audit.checkpoints(cursor ? { cursor, limit: 50 } : { limit: 50 })), cursor ? undefined : call(store.client.audit.publicKey())]);
    if (c.error) return (this.error = c.error), this.announce(errorText(c.error), true);
    this.checkpoints = cursor ? [...(this.checkpoints ?? []), ...c.data.items] : c.data.items;
    this.next = c.data.nextCursor;
    if (k?.data) this.key = k.data;
  }

  async #verify() {
    this.verifying = true;
    this.result = undefined;
    const { data, error } = await call(store.client.audit.verify());
    this.verifying = false;
    if (error) return (this.error = error), this.announce(errorText(error), true);
    this.result = data;
    this.announce(this.#words(data), !data.ok);
  }

  #words(v: AuditVerification) {
    if (!v.ok && v.brokenAt) return this.t('apBroken', { seq: v.brokenAt.seq, reason: v.brokenAt.reason, code: v.brokenAt.code });
    const proven = v.lastGoodCheckpoint
      ? this.t('apProvenUntil', { seq: v.lastGoodCheckpoint.seq, at: formatDateTime(v.lastGoodCheckpoint.at, store.locale) })
      : this.t('apNoCheckpoint');
    return `${this.t('apOk', { entries: v.entries, checkpoints: v.checkpoints })} ${proven}`;
  }

  override render() {
    const v = this.result;
    return html`<p>${this.t('apIntro')}</p>
      ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
      <section class="card" aria-labelledby="ap-verify"><h2 id="ap-verify">${this.t('apVerifyTitle')}</h2>
        <div class="actions"><button type="button" class="primary" @click=${this.#verify} ?disabled=${this.verifying}>${this.verifying ? this.t('verifying') : this.t('apVerify')}</button></div>
        ${v ? html`<div class="notice ${v.ok ? 'ok' : 'error'}" id="ap-result"><p>${deadlineStatus(v.ok ? 'met' : 'missed', v.ok ? this.t('apIntact') : this.t('apAltered'))}</p><p>${this.#words(v)}</p>
          ${v.head ? html`<p class="mono">${this.t('apHead', { seq: v.head.seq })} ${v.head.hash}</p>` : nothing}</div>` : nothing}
      </section>
      <section class="card" aria-labelledby="ap-bundle"><h2 id="ap-bundle">${this.t('apBundleTitle')}</h2>
        <p>${this.t('apBundleText')}</p>
        <div class="actions"><a class="button" download="aftercare-audit-bundle.json" href=${store.client.audit.bundleUrl()}>${this.t('apBundle')}</a></div>
        <p>${this.t('apCliText')}</p>
        <code class="cmd" id="ap-cli">${CLI}</code>
        <p class="hint">${this.t('apPinKey')}</p>
        ${this.key ? html`<p>${this.key.configured ? html`${this.t('apKey')} <code>${this.key.kid}</code>` : this.t('apNoKey')}</p>` : nothing}
      </section>
      <h2>${this.t('apCheckpoints')}</h2>
      ${!this.checkpoints ? (this.error ? nothing : html`<p role="status">${this.t('loading')}</p>`) : !this.checkpoints.length ? html`<p class="card">${this.t('apNoCheckpoints')}</p>` : html`
        <div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('apCheckpointsCaption')}><table>
          <caption>${this.t('apCheckpointsCaption')}</caption>
          <thead><tr><th scope="col">${this.t('colSeq')}</th><th scope="col">${this.t('colWhen')}</th><th scope="col">${this.t('apHash')}</th><th scope="col">${this.t('apKid')}</th></tr></thead>
          <tbody>${this.checkpoints.map((c) => html`<tr><td>${c.seq}</td><td>${formatDateTime(c.at, store.locale)}</td><td class="mono">${c.hash.slice(0, 16)}…</td><td class="mono">${c.kid ? `${c.kid.slice(0, 12)}…` : '—'}</td></tr>`)}</tbody>
        </table></div>
        ${this.next ? html`<div class="actions"><button type="button" @click=${() => this.#load(this.next!)}>${this.t('loadMore')}</button></div>` : nothing}`}`;
  }
}
customElements.define('admin-audit-proof', AdminAuditProof);
