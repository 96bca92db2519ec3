import { html, nothing, css } from 'lit';
import { SUBJECT_FIELDS, type AdminSubject, type SubjectPatchInput } from '../../../../sdk/src/admin/subjects.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { textField, formValues, focusFirstError } from '../../components/field/field.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';
import type { MessageKey } from '../../i18n/index.js';

const LABEL: Record<(typeof SUBJECT_FIELDS)[number], MessageKey> = {
  firstName: 'fFirstName', lastName: 'fLastName', street: 'fStreet', houseNumber: 'fHouseNumber', houseNumberAddition: 'fHouseNumberAddition',
  postcode: 'fPostcode', city: 'fCity', country: 'fCountry', email: 'fEmail', phone: 'fPhone',
};
const TYPE: Partial<Record<(typeof SUBJECT_FIELDS)[number], 'email' | 'tel'>> = { email: 'email', phone: 'tel' };
const OPTIONAL = new Set(['houseNumberAddition', 'phone']);

/**
 * @summary R9 rectification: the subject's fields; only changed ones are sent. The server's
 * per-field errors appear under each field; the changed field names are announced.
 */
export class AdminRectifyForm extends AdminElement {
  static override styles = [AdminElement.styles, css`
    :host { display: block; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr)); gap: 0 1rem; }
    input { max-width: none; }
  `];
  static override properties = { subject: { attribute: false }, error: { state: true }, busy: { state: true }, draft: { state: true } };
  declare subject: AdminSubject;
  declare error: AdminClientError | undefined;
  declare busy: boolean;
  declare draft: Record<string, string> | undefined;

  constructor() {
    super();
    this.busy = false;
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const v = formValues(e.target as HTMLFormElement) as Record<string, string>;
    this.draft = v;
    const patch: Record<string, string | null> = {};
    for (const k of SUBJECT_FIELDS) {
      const now = v[k] ?? '';
      const was = this.subject[k] ?? '';
      if (now !== was) patch[k] = now === '' && OPTIONAL.has(k) ? null : now;
    }
    if (!Object.keys(patch).length) return this.announce(this.t('rectifyNothing'));
    this.busy = true;
    this.error = undefined;
    const { data, error } = await call(store.client.subjects.rectify(this.subject.id, patch as SubjectPatchInput));
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      await this.updateComplete;
      return focusFirstError(this.renderRoot);
    }
    this.draft = undefined;
    const names = data.changed.map((k) => this.t(LABEL[k])).join(', ');
    this.announce(data.changed.length ? this.t('rectified', { fields: names }) : this.t('rectifyNothing'));
    this.dispatchEvent(new CustomEvent('admin-subject-changed', { bubbles: true, composed: true, detail: data.subject }));
  }

  override render() {
    const errs = fieldErrors(this.error);
    const value = (k: (typeof SUBJECT_FIELDS)[number]) => this.draft?.[k] ?? this.subject[k] ?? '';
    return html`<form @submit=${this.#submit} novalidate>
      ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p>${Object.keys(errs).length ? html`<p>${this.t('fieldErrorsSummary')}</p>` : nothing}</div>` : nothing}
      <div class="grid">
        ${SUBJECT_FIELDS.map((k) => textField({ name: k, id: `r-${k}`, label: this.t(LABEL[k]), value: value(k), error: errs[k], type: TYPE[k], required: !OPTIONAL.has(k), requiredMark: this.t('requiredMark') }))}
      </div>
      <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? this.t('saving') : this.t('rectifyButton')}</button>
    </form>`;
  }
}

customElements.define('admin-rectify-form', AdminRectifyForm);
