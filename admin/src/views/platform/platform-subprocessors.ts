import { html, nothing } from 'lit';
import { SUBPROCESSOR_NOTICE_DAYS, type PlatformSubprocessorList, type SubprocessorCreateInput } from '../../../../sdk/src/admin/platform.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { textField, focusFirstError } from '../../components/field/field.js';
import type { AdminConfirmDialog } from '../../components/dialog/confirm-dialog.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { formatDate, formatDateTime } from '../../i18n/index.js';
import { complianceStyles } from '../compliance/compliance.styles.js';
import '../../components/dialog/confirm-dialog.js';

type Item = PlatformSubprocessorList['items'][number];
const str = (s: FormDataEntryValue | null) => String(s ?? '').trim();

/** @summary Operator: sub-processors — add one (announced to every tenant), end one, see each tenant's objections. */
export class AdminPlatformSubprocessors extends AdminElement {
  static override styles = [AdminElement.styles, complianceStyles];
  static override properties = { items: { state: true }, error: { state: true }, listError: { state: true }, busy: { state: true }, ending: { state: true } };
  declare items: Item[] | undefined;
  declare error: AdminClientError | undefined;
  declare listError: AdminClientError | undefined;
  declare busy: boolean;
  declare ending: Item | undefined;

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    const { data, error } = await call(store.client.platform.subprocessors());
    this.items = data?.items;
    this.listError = error;
  }

  async #add(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const fd = new FormData(form);
    const body: SubprocessorCreateInput = {
      name: str(fd.get('name')), purpose: str(fd.get('purpose')), location: str(fd.get('location')),
      safeguards: str(fd.get('safeguards')) || null, startDate: str(fd.get('startDate')), initial: fd.get('initial') === 'on',
    };
    this.busy = true;
    this.error = undefined;
    const { data, error } = await call(store.client.platform.addSubprocessor(body));
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      await this.updateComplete;
      return focusFirstError(form);
    }
    form.reset();
    this.announce(this.t('psAdded', { name: data.name, notices: data.noticesCreated }));
    await this.#load();
  }

  async #end(s: Item) {
    this.ending = s;
    await this.updateComplete;
    if (!(await this.renderRoot.querySelector<AdminConfirmDialog>('admin-confirm-dialog')!.open())) return;
    const { error } = await call(store.client.platform.endSubprocessor(s.id));
    if (error) return (this.listError = error), this.announce(errorText(error), true);
    this.announce(this.t('psEnded', { name: s.name }));
    await this.#load();
  }

  #table(items: Item[]) {
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('spCaption')}><table>
      <caption>${this.t('spCaption')}</caption>
      <thead><tr><th scope="col">${this.t('regName')}</th><th scope="col">${this.t('regPurpose')}</th><th scope="col">${this.t('regCountry')}</th><th scope="col">${this.t('regSafeguards')}</th>
        <th scope="col">${this.t('spStart')}</th><th scope="col">${this.t('spState')}</th><th scope="col">${this.t('spObjections')}</th><th scope="col">${this.t('colActions')}</th></tr></thead>
      <tbody>${items.map((s) => html`<tr><th scope="row">${s.name}</th><td class="wrap">${s.purpose}</td><td>${s.location}${s.eea ? '' : html` <span class="badge">${this.t('spOutsideEea')}</span>`}</td>
        <td class="wrap">${s.safeguards ?? '—'}</td><td>${formatDate(s.startDate, store.locale)}</td>
        <td>${s.endedAt ? this.t('spEnded', { date: formatDate(s.endedAt, store.locale) }) : s.upcoming ? html`<span class="badge">${this.t('spUpcoming')}</span>` : this.t('spActive')}</td>
        <td class="wrap">${s.objections.length ? s.objections.map((o) => html`<p><strong>${o.tenantName}</strong> (${formatDateTime(o.at, store.locale)}): ${o.reason}</p>`) : '—'}</td>
        <td>${s.endedAt ? '—' : html`<button type="button" @click=${() => this.#end(s)} aria-label=${`${this.t('psEnd')}: ${s.name}`}>${this.t('psEnd')}</button>`}</td></tr>`)}</tbody>
    </table></div>`;
  }

  override render() {
    const e = fieldErrors(this.error);
    const req = this.t('requiredMark');
    return html`<p>${this.t('psIntro', { days: SUBPROCESSOR_NOTICE_DAYS })}</p>
      ${this.listError ? html`<div class="notice error" role="alert"><p>${errorText(this.listError)}</p></div>` : nothing}
      ${!this.items ? (this.listError ? nothing : html`<p role="status">${this.t('loading')}</p>`) : this.items.length ? this.#table(this.items) : html`<p class="card">${this.t('spNone')}</p>`}
      <form class="card" @submit=${this.#add} novalidate>
        <h2>${this.t('psNew')}</h2>
        ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
        <div class="grid">
          ${textField({ name: 'name', id: 'ps-name', label: this.t('regName'), value: '', error: e.name, required: true, requiredMark: req })}
          ${textField({ name: 'purpose', id: 'ps-purpose', label: this.t('regPurpose'), value: '', error: e.purpose, required: true, requiredMark: req })}
          ${textField({ name: 'location', id: 'ps-location', label: this.t('psLocation'), hint: this.t('psLocationHint'), value: '', error: e.location, required: true, requiredMark: req })}
          ${textField({ name: 'startDate', id: 'ps-start', label: this.t('spStart'), hint: this.t('psStartHint', { days: SUBPROCESSOR_NOTICE_DAYS }), type: 'date', value: '', error: e.startDate, required: true, requiredMark: req })}
        </div>
        ${textField({ name: 'safeguards', id: 'ps-safeguards', label: this.t('regSafeguards'), hint: this.t('psSafeguardsHint'), value: '', multiline: true, error: e.safeguards })}
        <div class="field"><label class="check"><input type="checkbox" name="initial" aria-describedby="ps-initial-hint" /> ${this.t('psInitial')}</label>
          <p class="hint" id="ps-initial-hint">${this.t('psInitialHint')}</p>${e.initial ? html`<p class="field-error">${e.initial}</p>` : nothing}</div>
        <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? this.t('saving') : this.t('psAdd')}</button>
      </form>
      <admin-confirm-dialog .heading=${this.t('psEndTitle', { name: this.ending?.name ?? '' })} .message=${this.t('psEndText')} .confirmLabel=${this.t('psEnd')} danger></admin-confirm-dialog>`;
  }
}
customElements.define('admin-platform-subprocessors', AdminPlatformSubprocessors);
