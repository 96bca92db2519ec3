import { html, nothing, css } from 'lit';
import { can } from '../../../../sdk/src/admin/roles.js';
import type { AdminCaseView } from '../../../../sdk/src/admin/cases.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { textField, formValues, focusFirstError } from '../../components/field/field.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { formatDateTime } from '../../i18n/index.js';
import { CaseChangedEvent } from './events.js';

/**
 * @summary The case's notes, newest last, and a form to add one. Staff choose whether a note is
 * shared with the assigned partner; a partner's own notes are always shared (no checkbox).
 */
export class AdminCaseNotes extends AdminElement {
  static override styles = [AdminElement.styles, css`
    :host { display: block; }
    .card h2 { margin-top: 0; }
    ol { list-style: none; margin: 0 0 1rem; padding: 0; }
    li { border-top: 1px solid var(--soft-line); padding: 0.6rem 0; }
    li:first-child { border-top: none; }
    .meta { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; color: var(--muted); font-size: 0.9rem; }
    .body { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.25rem 0 0; }
    textarea { max-width: none; }
  `];
  static override properties = { kase: { attribute: false }, error: { state: true }, busy: { state: true }, draft: { state: true } };
  declare kase: AdminCaseView;
  declare error: AdminClientError | undefined;
  declare busy: boolean;
  declare draft: string;

  constructor() {
    super();
    this.busy = false;
    this.draft = '';
  }

  async #add(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const v = formValues(form);
    this.draft = String(v.body ?? '');
    this.busy = true;
    this.error = undefined;
    const shared = store.me?.role === 'partner' ? true : v.shared === true;
    const { error } = await call(store.client.cases.addNote(this.kase.id!, { body: this.draft, shared }));
    this.busy = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      await this.updateComplete;
      return focusFirstError(this.renderRoot);
    }
    this.draft = '';
    form.reset();
    this.announce(this.t('noteAdded'));
    this.dispatchEvent(new CaseChangedEvent());
  }

  override render() {
    const notes = this.kase.notes ?? [];
    const role = store.me!.role;
    const errs = fieldErrors(this.error);
    return html`<section class="card">
      <h2 id="n-title">${this.t('caseNotes')}</h2>
      ${notes.length
        ? html`<ol>${notes.map((n) => html`<li>
            <div class="meta"><span>${n.author.name ?? '—'}</span><span>${formatDateTime(n.createdAt, store.locale)}</span>
              <span class="badge">${n.shared ? this.t('noteSharedBadge') : this.t('noteInternalBadge')}</span></div>
            <p class="body">${n.body}</p></li>`)}</ol>`
        : html`<p class="muted">${this.t('noNotes')}</p>`}
      ${can(role, 'cases.work')
        ? html`<form @submit=${this.#add} novalidate>
            ${this.error && !errs.body ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
            ${textField({ name: 'body', label: this.t('noteBody'), value: this.draft, multiline: true, error: errs.body, required: true })}
            ${role !== 'partner'
              ? html`<div class="field"><label class="check"><input type="checkbox" name="shared" aria-describedby="shared-hint" /> ${this.t('noteShared')}</label>
                  <p class="hint" id="shared-hint">${this.t('noteSharedHint')}</p></div>`
              : nothing}
            <button type="submit" ?disabled=${this.busy}>${this.t('noteAdd')}</button>
          </form>`
        : nothing}
    </section>`;
  }
}

customElements.define('admin-case-notes', AdminCaseNotes);
