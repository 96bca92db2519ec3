import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { TenantBreachView } from '../../../../sdk/src/admin/breaches.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { textField, focusFirstError } from '../../components/field/field.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { complianceStyles } from './compliance.styles.js';

/** `YYYY-MM-DDTHH:mm` in local time, as `<input type=datetime-local>` wants it. */
export const localInput = (iso: string | null | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
/** A datetime-local value as an ISO instant (the browser's zone); '' stays empty. */
export const fromLocalInput = (v: string) => (v ? new Date(v).toISOString() : '');

/** @summary Owner: the tenant's follow-up of a breach — reported to the authority or not, when, why. */
export class AdminBreachFollowUp extends AdminElement {
  static override styles = [AdminElement.styles, complianceStyles];
  static override properties = { breach: { attribute: false }, reported: { state: true }, error: { state: true }, busy: { state: true } };
  declare breach: TenantBreachView;
  declare reported: boolean;
  declare error: AdminClientError | undefined;
  declare busy: boolean;

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('breach')) this.reported = this.breach.followUp?.reportedToAuthority ?? false;
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const fd = new FormData(e.target as HTMLFormElement);
    const at = fromLocalInput(String(fd.get('reportedAt') ?? ''));
    this.busy = true;
    this.error = undefined;
    const { error } = await call(store.client.breaches.setFollowUp(this.breach.id, {
      reportedToAuthority: this.reported,
      ...(this.reported ? { reportedAt: at || null } : {}),
      note: String(fd.get('note') ?? ''),
    }));
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      await this.updateComplete;
      return focusFirstError(this.renderRoot);
    }
    this.announce(this.t('brFollowUpSaved'));
    this.dispatchEvent(new Event('saved'));
  }

  override render() {
    const id = this.breach.id.slice(-8);
    const errs = fieldErrors(this.error);
    const f = this.breach.followUp;
    return html`<form class="card" @submit=${this.#submit} novalidate aria-labelledby=${`fu-${id}`}>
      <h4 id=${`fu-${id}`}>${this.t('brFollowUpForm')}</h4>
      ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
      <fieldset><legend>${this.t('brReported')}</legend>
        <label class="check"><input type="radio" name="reported" value="yes" .checked=${this.reported} @change=${() => (this.reported = true)} /> ${this.t('yes')}</label>
        <label class="check"><input type="radio" name="reported" value="no" .checked=${!this.reported} @change=${() => (this.reported = false)} /> ${this.t('no')}</label>
      </fieldset>
      ${this.reported ? html`<div class="field">
        <label for=${`ra-${id}`}>${this.t('brReportedAt')}</label>
        <input id=${`ra-${id}`} name="reportedAt" type="datetime-local" .value=${localInput(f?.reportedAt)} aria-invalid=${errs.reportedAt ? 'true' : 'false'}
          aria-describedby=${ifDefined(errs.reportedAt ? `ra-${id}-error` : undefined)} />
        ${errs.reportedAt ? html`<p class="field-error" id=${`ra-${id}-error`}>${errs.reportedAt}</p>` : nothing}
      </div>` : nothing}
      ${textField({ name: 'note', id: `note-${id}`, label: this.t('brNoteLabel'), hint: this.t('brNoteHint'), value: f?.note ?? '', multiline: true, required: true, requiredMark: this.t('requiredMark'), error: errs.note })}
      <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? this.t('saving') : this.t('brFollowUpSave')}</button>
    </form>`;
  }
}
customElements.define('admin-breach-follow-up', AdminBreachFollowUp);
