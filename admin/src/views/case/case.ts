import { html, nothing } from 'lit';
import { can } from '../../../../sdk/src/admin/roles.js';
import type { AdminCaseView } from '../../../../sdk/src/admin/cases.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminView } from '../../base/admin-element.js';
import { call, errorText } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { href } from '../../router/routes.js';
import { consentTable, detailFacts, historyTable, productFacts, subjectFacts, summaryFacts } from './facts.js';
import { caseStyles } from './case.styles.js';
import './case-work.js';
import './case-notes.js';

/**
 * @summary One case: every field the server returned for this role (partners get fewer), the
 * consent evidence, history, notes, and the work a role may do (status, assignment).
 */
export class AdminCase extends AdminView {
  static override styles = [AdminView.styles, caseStyles];
  static override properties = { caseId: { attribute: false }, kase: { state: true }, error: { state: true } };
  declare caseId: string;
  declare kase: AdminCaseView | undefined;
  declare error: AdminClientError | undefined;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  async load() {
    const { data, error } = await call(store.client.cases.get(this.caseId));
    this.error = error;
    if (data) this.kase = data;
    else if (error) this.announce(errorText(error), true);
  }

  #onChanged = () => void this.load();

  override render() {
    const c = this.kase;
    const back = html`<p class="back"><a href=${href('/cases')}>← ${this.t('backToCases')}</a></p>`;
    if (!c) {
      return html`${back}<h1>${this.error ? this.t('errorTitle') : this.t('loading')}</h1>
        ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}`;
    }
    const role = store.me!.role;
    return html`${back}
      <h1>${this.t('caseTitle', { reference: c.reference ?? '' })}</h1>
      <div class="layout">
        <div class="main">
          <section class="card"><h2 id="s-summary">${this.t('caseSummary')}</h2>${summaryFacts(c)}</section>
          ${c.subject ? html`<section class="card"><h2 id="s-subject">${this.t('caseSubject')}</h2>${subjectFacts(c)}</section>` : nothing}
          ${c.product ? html`<section class="card"><h2 id="s-product">${this.t('caseProduct')}</h2>${productFacts(c)}</section>` : nothing}
          ${c.details && Object.keys(c.details).length
            ? html`<section class="card"><h2 id="s-details">${this.t('caseDetails')}</h2>${detailFacts(c.details)}</section>`
            : nothing}
        </div>
        <div class="side">
          ${can(role, 'cases.work') || can(role, 'cases.assign')
            ? html`<admin-case-work .kase=${c} @admin-case-changed=${this.#onChanged}></admin-case-work>`
            : nothing}
          ${c.notes ? html`<admin-case-notes .kase=${c} @admin-case-changed=${this.#onChanged}></admin-case-notes>` : nothing}
        </div>
      </div>
      ${c.consents?.length
        ? html`<section><h2 id="s-consents">${this.t('caseConsents')}</h2>${consentTable(c.consents)}</section>`
        : nothing}
      ${c.history ? html`<section><h2 id="s-history">${this.t('caseHistory')}</h2>${historyTable(c.history)}</section>` : nothing}`;
  }
}

customElements.define('admin-case', AdminCase);
