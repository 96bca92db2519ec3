import { html, nothing } from 'lit';
import { RETENTION_BASES_BY_KIND, RETENTION_MONTHS_MAX, RETENTION_MONTHS_MIN, type RetentionPolicy, type RetentionPoliciesPutInput, type RetentionBasis } from '../../../../sdk/src/admin/retention.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { focusFirstError } from '../../components/field/field.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { kindLabel } from '../../i18n/labels.js';
import type { MessageKey } from '../../i18n/index.js';
import { complianceStyles } from './compliance.styles.js';

export const basisLabel = (b: RetentionBasis) => store.t(`basis_${b}` as MessageKey);

/** @summary The retention policy of every case kind: a table owners edit in place (basis and months), errors per cell. */
export class AdminRetentionPolicies extends AdminElement {
  static override styles = [AdminElement.styles, complianceStyles];
  static override properties = { manage: { type: Boolean }, policies: { state: true }, error: { state: true }, busy: { state: true } };
  declare manage: boolean;
  declare policies: RetentionPolicy[] | undefined;
  declare error: AdminClientError | undefined;
  declare busy: boolean;

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    const { data, error } = await call(store.client.retention.policies());
    this.policies = data?.policies;
    this.error = error;
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const fd = new FormData(e.target as HTMLFormElement);
    const patch: RetentionPoliciesPutInput = {};
    for (const p of this.policies ?? []) {
      const months = Number(String(fd.get(`${p.kind}.months`) ?? '').trim());
      patch[p.kind] = { basis: String(fd.get(`${p.kind}.basis`)) as RetentionBasis, months };
    }
    this.busy = true;
    this.error = undefined;
    const { data, error } = await call(store.client.retention.setPolicies(patch));
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      await this.updateComplete;
      return focusFirstError(this.renderRoot);
    }
    this.policies = data.policies;
    this.announce(this.t('retSaved'));
    this.dispatchEvent(new Event('saved'));
  }

  #row(p: RetentionPolicy, errs: Record<string, string>) {
    const k = kindLabel(p.kind);
    const bErr = errs[`${p.kind}.basis`];
    const mErr = errs[`${p.kind}.months`];
    if (!this.manage) return html`<tr><th scope="row">${k}</th><td>${basisLabel(p.basis)}</td><td>${p.months}</td><td>${p.isDefault ? this.t('retDefault') : this.t('retSet')}</td></tr>`;
    return html`<tr><th scope="row" id=${`k-${p.kind}`}>${k}</th>
      <td><select name=${`${p.kind}.basis`} aria-labelledby=${`k-${p.kind} col-basis`} aria-invalid=${bErr ? 'true' : 'false'}>
        ${RETENTION_BASES_BY_KIND[p.kind].map((b) => html`<option value=${b} ?selected=${b === p.basis}>${basisLabel(b)}</option>`)}</select>
        ${bErr ? html`<p class="field-error">${bErr}</p>` : nothing}</td>
      <td><input name=${`${p.kind}.months`} inputmode="numeric" .value=${String(p.months)} aria-labelledby=${`k-${p.kind} col-months`}
        aria-invalid=${mErr ? 'true' : 'false'} aria-describedby=${mErr ? `e-${p.kind}` : 'months-hint'} />
        ${mErr ? html`<p class="field-error" id=${`e-${p.kind}`}>${mErr}</p>` : nothing}</td>
      <td>${p.isDefault ? this.t('retDefault') : this.t('retSet')}</td></tr>`;
  }

  override render() {
    if (!this.policies) return this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : html`<p role="status">${this.t('loading')}</p>`;
    const errs = fieldErrors(this.error);
    const table = html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('retPoliciesCaption')}><table>
      <caption>${this.t('retPoliciesCaption')}</caption>
      <thead><tr><th scope="col">${this.t('colKind')}</th><th scope="col" id="col-basis">${this.t('retBasis')}</th><th scope="col" id="col-months">${this.t('retMonths')}</th><th scope="col">${this.t('retSource')}</th></tr></thead>
      <tbody>${this.policies.map((p) => this.#row(p, errs))}</tbody></table></div>`;
    if (!this.manage) return table;
    return html`<form @submit=${this.#submit} novalidate>
      ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
      <p class="hint" id="months-hint">${this.t('retMonthsHint', { min: RETENTION_MONTHS_MIN, max: RETENTION_MONTHS_MAX })}</p>
      ${table}
      <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? this.t('saving') : this.t('retSave')}</button>
    </form>`;
  }
}
customElements.define('admin-retention-policies', AdminRetentionPolicies);
