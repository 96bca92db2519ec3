import { html, nothing } from 'lit';
import type { RetentionPreview, RetentionRunResult, KindCounts } from '../../../../sdk/src/admin/retention.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { call, errorText } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { kindLabel } from '../../i18n/labels.js';
import { formatDate, formatDateTime } from '../../i18n/index.js';
import { complianceStyles } from './compliance.styles.js';
import './retention-policies.js';

/** @summary Retention (R12): the policies per kind (owners edit), what goes in the next 30 days, and "run now" with its report. */
export class AdminRetention extends AdminElement {
  static override styles = [AdminElement.styles, complianceStyles];
  static override properties = { manage: { type: Boolean }, preview: { state: true }, error: { state: true }, report: { state: true }, running: { state: true } };
  declare manage: boolean;
  declare preview: RetentionPreview | undefined;
  declare error: AdminClientError | undefined;
  declare report: RetentionRunResult | undefined;
  declare running: boolean;

  override connectedCallback() {
    super.connectedCallback();
    void this.#loadPreview();
  }

  async #loadPreview() {
    const { data, error } = await call(store.client.retention.preview(30));
    this.preview = data;
    this.error = error;
  }

  async #run() {
    this.running = true;
    const { data, error } = await call(store.client.retention.run());
    this.running = false;
    if (error) return (this.error = error), this.announce(errorText(error), true);
    this.report = data;
    this.announce(this.t('retRunDone', { subjects: data.subjects }));
    await this.#loadPreview();
  }

  #counts(c: KindCounts) {
    const parts = Object.entries(c).map(([k, n]) => `${kindLabel(k)}: ${n}`);
    return parts.length ? parts.join(', ') : '—';
  }

  #preview(p: RetentionPreview) {
    return html`<section class="item" aria-labelledby="ret-prev"><h2 id="ret-prev">${this.t('retPreviewTitle', { days: p.days })}</h2>
      <p id="ret-total">${this.t('retPreviewTotal', { subjects: p.total.subjects, until: formatDate(p.until, store.locale) })}</p>
      ${p.byDate.length ? html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('retPreviewCaption')}><table>
        <caption>${this.t('retPreviewCaption')}</caption>
        <thead><tr><th scope="col">${this.t('retDate')}</th><th scope="col">${this.t('retSubjects')}</th><th scope="col">${this.t('retCases')}</th></tr></thead>
        <tbody>${p.byDate.map((d) => html`<tr><th scope="row">${formatDate(d.date, store.locale)}</th><td>${d.subjects}</td><td class="wrap">${this.#counts(d.cases)}</td></tr>`)}</tbody>
      </table></div>` : html`<p>${this.t('retPreviewNone')}</p>`}
      ${p.cases?.length ? html`<details><summary>${this.t('retPreviewCases', { count: p.cases.length })}</summary>
        <ul class="plain">${p.cases.map((c) => html`<li><span class="mono">${c.reference}</span> · ${kindLabel(c.kind)} · ${formatDate(c.date, store.locale)}</li>`)}</ul>
        ${p.casesTruncated ? html`<p class="muted">${this.t('retPreviewTruncated')}</p>` : nothing}</details>` : nothing}
    </section>`;
  }

  #report(r: RetentionRunResult) {
    return html`<div class="notice ok" role="status" id="ret-report">
      <p>${this.t('retReport', { at: formatDateTime(r.at, store.locale), subjects: r.subjects, batches: r.batches })}</p>
      <p>${this.t('retCases')}: ${this.#counts(r.cases)}</p>
      <p>${r.complete ? this.t('retComplete') : this.t('retIncomplete')}</p></div>`;
  }

  override render() {
    return html`<p>${this.t('retIntro')}</p>
      <admin-retention-policies .manage=${this.manage} @saved=${() => this.#loadPreview()}></admin-retention-policies>
      ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
      ${this.preview ? this.#preview(this.preview) : this.error ? nothing : html`<p role="status">${this.t('loading')}</p>`}
      ${this.manage ? html`<section class="item" aria-labelledby="ret-run"><h2 id="ret-run">${this.t('retRunTitle')}</h2>
        <p>${this.t('retRunText')}</p>
        <div class="actions"><button type="button" class="primary" ?disabled=${this.running} @click=${this.#run}>${this.running ? this.t('retRunning') : this.t('retRun')}</button></div>
        ${this.report ? this.#report(this.report) : nothing}</section>` : nothing}`;
  }
}
customElements.define('admin-retention', AdminRetention);
