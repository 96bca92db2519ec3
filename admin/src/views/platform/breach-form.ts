import { html, nothing } from 'lit';
import { BREACH_DATA_CATEGORIES, type BreachCreateInput, type BreachDataCategory } from '../../../../sdk/src/admin/breaches.js';
import type { TenantSummary } from '../../../../sdk/src/admin/settings.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { textField, focusFirstError } from '../../components/field/field.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { complianceStyles } from '../compliance/compliance.styles.js';
import { breachCategory } from '../compliance/breach-facts.js';
import { fromLocalInput } from '../compliance/breach-follow-up.js';
import { errorAt } from '../settings/field-errors.js';

const str = (s: FormDataEntryValue | null) => String(s ?? '');

/** @summary Operator: record a breach — discovery, what happened, data, subjects, consequences, measures, affected tenants; notified at once unless unticked. */
export class AdminBreachForm extends AdminElement {
  static override styles = [AdminElement.styles, complianceStyles];
  static override properties = { tenants: { state: true }, error: { state: true }, busy: { state: true } };
  declare tenants: TenantSummary[];
  declare error: AdminClientError | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.tenants = [];
  }

  override connectedCallback() {
    super.connectedCallback();
    void call(store.client.tenants.list()).then(({ data }) => (this.tenants = data?.items ?? []));
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const fd = new FormData(form);
    const subjects = str(fd.get('approxSubjects')).trim();
    const body = {
      discoveredAt: fromLocalInput(str(fd.get('discoveredAt'))),
      description: str(fd.get('description')),
      dataCategories: fd.getAll('dataCategories').map(String) as BreachDataCategory[],
      approxSubjects: subjects === '' ? NaN : Number(subjects),
      consequences: str(fd.get('consequences')),
      measures: str(fd.get('measures')),
      tenantIds: fd.getAll('tenantIds').map(String),
      notify: fd.get('notify') === 'on',
    } satisfies BreachCreateInput;
    this.busy = true;
    this.error = undefined;
    const { data, error } = await call(store.client.breaches.platform.record(body));
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      await this.updateComplete;
      return focusFirstError(form);
    }
    form.reset();
    this.announce(this.t('pbRecordedDone', { count: data.noticesCreated }));
    this.dispatchEvent(new Event('recorded'));
  }

  #checks(name: string, legend: string, items: { value: string; label: string }[], error?: string) {
    return html`<fieldset aria-describedby=${error ? `${name}-error` : nothing}><legend>${legend}</legend>
      <div class="grid">${items.map((i) => html`<label class="check"><input type="checkbox" name=${name} value=${i.value} aria-invalid=${error ? 'true' : 'false'} /> ${i.label}</label>`)}</div>
      ${error ? html`<p class="field-error" id=${`${name}-error`}>${error}</p>` : nothing}</fieldset>`;
  }

  override render() {
    const e = fieldErrors(this.error);
    const req = this.t('requiredMark');
    return html`<form class="card" @submit=${this.#submit} novalidate>
      <h2>${this.t('pbNew')}</h2>
      <p class="hint">${this.t('pbNoPersonalData')}</p>
      ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
      <div class="field"><label for="pb-at">${this.t('brDiscovered')} <span class="muted">${req}</span></label>
        <input id="pb-at" name="discoveredAt" type="datetime-local" required aria-invalid=${e.discoveredAt ? 'true' : 'false'} aria-describedby=${e.discoveredAt ? 'pb-at-error' : nothing} />
        ${e.discoveredAt ? html`<p class="field-error" id="pb-at-error">${e.discoveredAt}</p>` : nothing}</div>
      ${textField({ name: 'description', id: 'pb-description', label: this.t('brDescription'), value: '', multiline: true, error: e.description, required: true, requiredMark: req })}
      ${this.#checks('dataCategories', this.t('brCategories'), BREACH_DATA_CATEGORIES.map((c) => ({ value: c, label: breachCategory(c) })), errorAt(e, 'dataCategories'))}
      ${textField({ name: 'approxSubjects', id: 'pb-subjects', label: this.t('brSubjects'), value: '', inputmode: 'numeric', error: e.approxSubjects, required: true, requiredMark: req })}
      ${textField({ name: 'consequences', id: 'pb-consequences', label: this.t('brConsequences'), value: '', multiline: true, error: e.consequences, required: true, requiredMark: req })}
      ${textField({ name: 'measures', id: 'pb-measures', label: this.t('brMeasures'), value: '', multiline: true, error: e.measures, required: true, requiredMark: req })}
      ${this.#checks('tenantIds', this.t('pbAffected'), this.tenants.map((t) => ({ value: t.id, label: t.name })), errorAt(e, 'tenantIds'))}
      <div class="field"><label class="check"><input type="checkbox" name="notify" checked /> ${this.t('pbNotifyNow')}</label></div>
      <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? this.t('saving') : this.t('pbRecord')}</button>
    </form>`;
  }
}
customElements.define('admin-breach-form', AdminBreachForm);
