import { html, nothing, css } from 'lit';
import { can } from '../../../../sdk/src/admin/roles.js';
import { nextStatusesFor } from '../../../../sdk/src/admin/workflow.js';
import type { AdminCaseView } from '../../../../sdk/src/admin/cases.js';
import type { OrganisationView } from '../../../../sdk/src/admin/settings.js';
import type { AdminClientError, AdminResult } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { selectField, formValues } from '../../components/field/field.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { partnerTypeLabel, statusLabel } from '../../i18n/labels.js';
import { CaseChangedEvent } from './events.js';

/**
 * @summary Status change (only the next statuses the workflow table allows for this kind and
 * status, and for a partner only its own table's) and assignment to a partner organisation, for roles that may do them.
 */
export class AdminCaseWork extends AdminElement {
  static override styles = [AdminElement.styles, css`:host{display:block} .card h2{margin-top:0} select{max-width:none}`];
  static override properties = { kase: { attribute: false }, orgs: { state: true }, error: { state: true }, busy: { state: true }, which: { state: true } };
  declare kase: AdminCaseView;
  declare orgs: OrganisationView[];
  declare error: AdminClientError | undefined;
  declare which: 'status' | 'assign' | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.orgs = [];
    this.busy = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    if (store.me && can(store.me.role, 'cases.assign')) void call(store.client.organisations.list()).then(({ data }) => data && (this.orgs = data.items.filter((o) => !o.disabled)));
  }

  async #status(e: SubmitEvent) {
    e.preventDefault();
    const { status } = formValues(e.target as HTMLFormElement) as { status: string };
    await this.#run('status', () => store.client.cases.setStatus(this.kase.id!, status as never), this.t('statusChanged', { status: statusLabel(status) }));
  }

  async #assign(e: SubmitEvent) {
    e.preventDefault();
    const { org } = formValues(e.target as HTMLFormElement) as { org: string };
    const name = this.orgs.find((o) => o.id === org)?.name ?? '';
    await this.#run('assign', () => store.client.cases.assign(this.kase.id!, org || null), org ? this.t('assigned', { org: name }) : this.t('unassigned'));
  }

  async #run(which: 'status' | 'assign', op: () => Promise<AdminResult<unknown>>, done: string) {
    this.busy = true;
    this.which = which;
    this.error = undefined;
    const { error } = await call(op());
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      return;
    }
    this.announce(done);
    this.dispatchEvent(new CaseChangedEvent());
  }

  #err(which: 'status' | 'assign') {
    return this.error && this.which === which ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing;
  }

  override render() {
    const me = store.me!;
    const role = me.role;
    const c = this.kase;
    // A partner is offered only its own moves (the worker refuses the rest the same way).
    const next = c.kind && c.status ? nextStatusesFor(c.kind, c.status, { role, partnerType: me.partnerOrg?.type ?? null }) : [];
    const errs = fieldErrors(this.error);
    return html`
      ${can(role, 'cases.work')
        ? html`<section class="card"><h2 id="w-status">${this.t('statusChange')}</h2>
            ${this.#err('status')}
            ${next.length
              ? html`<form @submit=${this.#status}>
                  ${selectField({ name: 'status', label: this.t('statusNew'), value: next[0]!, error: this.which === 'status' ? errs.status : undefined, options: next.map((s) => ({ value: s, label: statusLabel(s) })) })}
                  <button class="primary" type="submit" ?disabled=${this.busy}>${this.t('statusChangeButton')}</button>
                </form>`
              : html`<p class="muted">${this.t(role === 'partner' ? 'statusNotYours' : 'statusFinal')}</p>`}
          </section>`
        : nothing}
      ${can(role, 'cases.assign')
        ? html`<section class="card"><h2 id="w-assign">${this.t('assignTitle')}</h2>
            ${this.#err('assign')}
            <form @submit=${this.#assign}>
              ${selectField({ name: 'org', label: this.t('assignTo'), value: c.assignedOrg?.id ?? '', error: this.which === 'assign' ? errs.organisationId : undefined, options: [{ value: '', label: this.t('assignNone') }, ...this.orgs.map((o) => ({ value: o.id, label: `${o.name} (${partnerTypeLabel(o.type)})` }))] })}
              <button type="submit" ?disabled=${this.busy}>${this.t('assignButton')}</button>
            </form>
          </section>`
        : nothing}`;
  }
}

customElements.define('admin-case-work', AdminCaseWork);
