import { html, nothing, css } from 'lit';
import type { SubjectSearchResult } from '../../../../sdk/src/admin/subjects.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminView } from '../../base/admin-element.js';
import { textField, formValues } from '../../components/field/field.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { href, navigate } from '../../router/routes.js';
import { formatDateTime } from '../../i18n/index.js';

/** @summary Find a data subject by email, phone or name (the search is in the URL: `#/subjects?q=`). */
export class AdminSubjects extends AdminView {
  static override styles = [AdminView.styles, css`
    :host { display: block; }
    form { display: flex; flex-wrap: wrap; gap: 0 0.75rem; align-items: flex-end; }
    form .field { flex: 1 1 16rem; }
    form button { margin-bottom: 1rem; }
    input { max-width: none; }
    td, th { white-space: nowrap; }
  `];
  static override properties = { query: { attribute: false }, result: { state: true }, error: { state: true }, loading: { state: true } };
  declare query: URLSearchParams;
  declare result: SubjectSearchResult | undefined;
  declare error: AdminClientError | undefined;
  declare loading: boolean;
  #searched?: string;

  constructor() {
    super();
    this.query = new URLSearchParams();
    this.loading = false;
  }

  override willUpdate() {
    const q = this.query.get('q') ?? '';
    if (q !== this.#searched) {
      this.#searched = q;
      if (q) void this.#search(q);
      else this.result = undefined;
    }
  }

  async #search(q: string) {
    this.loading = true;
    this.error = undefined;
    const { data, error } = await call(store.client.subjects.search(q));
    this.loading = false;
    this.result = data;
    this.error = error;
    if (error) this.announce(errorText(error), true);
    else this.announce(data.items.length ? this.t('subjectsFound', { n: data.items.length }) : this.t('subjectsNone'));
  }

  #submit(e: SubmitEvent) {
    e.preventDefault();
    const { q } = formValues(e.target as HTMLFormElement) as { q: string };
    if (q.trim() === this.#searched) void this.#search(q.trim());
    else navigate('/subjects', { q: q.trim() });
  }

  #results() {
    if (this.loading) return html`<p role="status">${this.t('loading')}</p>`;
    const r = this.result;
    if (!r) return nothing;
    if (!r.items.length) return html`<p class="card">${this.t('subjectsNone')}</p>`;
    return html`${r.truncated ? html`<p class="notice info">${this.t('subjectsTruncated')}</p>` : nothing}
      <div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('subjectsCaption')}><table>
        <caption>${this.t('subjectsCaption')}</caption>
        <thead><tr><th scope="col">${this.t('colName')}</th><th scope="col">${this.t('colEmail')}</th><th scope="col">${this.t('colPhone')}</th>
          <th scope="col">${this.t('colPlace')}</th><th scope="col">${this.t('colCases')}</th><th scope="col">${this.t('colCreated')}</th></tr></thead>
        <tbody>${r.items.map((s) => html`<tr>
          <th scope="row"><a href=${href(`/subjects/${s.id}`)}>${s.name}</a></th><td>${s.email}</td><td>${s.phone ?? '—'}</td>
          <td>${s.postcode} ${s.city}</td><td>${s.caseCount}</td><td>${formatDateTime(s.createdAt, store.locale)}</td></tr>`)}</tbody>
      </table></div>`;
  }

  override render() {
    const errs = fieldErrors(this.error);
    return html`<h1>${this.t('subjectsTitle')}</h1>
      <p>${this.t('subjectsIntro')}</p>
      <form role="search" @submit=${this.#submit} novalidate>
        ${textField({ name: 'q', label: this.t('subjectSearch'), value: this.query.get('q') ?? '', type: 'search', error: errs.q })}
        <button class="primary" type="submit">${this.t('subjectSearchButton')}</button>
      </form>
      ${this.error && !errs.q ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
      ${this.#results()}`;
  }
}

customElements.define('admin-subjects', AdminSubjects);
