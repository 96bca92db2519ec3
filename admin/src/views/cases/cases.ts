import { html, nothing } from 'lit';
import { can } from '../../../../sdk/src/admin/roles.js';
import { CASE_KINDS } from '../../../../sdk/src/schemas/case.js';
import { ADMIN_CASE_STATUSES } from '../../../../sdk/src/admin/workflow.js';
import type { AdminCaseView } from '../../../../sdk/src/admin/cases.js';
import type { OrganisationView } from '../../../../sdk/src/admin/settings.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminView } from '../../base/admin-element.js';
import { selectField, textField, formValues } from '../../components/field/field.js';
import { call, errorText, fieldErrors } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { href, navigate } from '../../router/routes.js';
import { formatShortDateTime } from '../../i18n/index.js';
import { kindLabel, statusLabel } from '../../i18n/labels.js';
import { SORTS, apiFilter, filterFrom, type Filter } from './filters.js';
import { casesStyles } from './cases.styles.js';
import './case-exports.js';

/**
 * @summary The case list: filters and search in the URL, sort, keyset "load more", loading,
 * empty and error states; each row links to the case. Export buttons for roles that may export.
 */
export class AdminCases extends AdminView {
  static override styles = [AdminView.styles, casesStyles];
  static override properties = {
    query: { attribute: false },
    items: { state: true },
    nextCursor: { state: true },
    loading: { state: true },
    error: { state: true },
    orgs: { state: true },
  };
  declare query: URLSearchParams;
  declare items: AdminCaseView[];
  declare nextCursor: string | null;
  declare loading: 'list' | 'more' | false;
  declare error: AdminClientError | undefined;
  declare orgs: OrganisationView[];
  #loadedFor?: string;
  #seq = 0;

  constructor() {
    super();
    this.query = new URLSearchParams();
    this.items = [];
    this.nextCursor = null;
    this.loading = false;
    this.orgs = [];
  }

  get filter(): Filter {
    return filterFrom(this.query);
  }

  override connectedCallback() {
    super.connectedCallback();
    if (store.me && can(store.me.role, 'cases.assign')) void this.#loadOrgs();
  }

  async #loadOrgs() {
    const { data } = await call(store.client.organisations.list());
    if (data) this.orgs = data.items;
  }

  override willUpdate() {
    const key = this.query.toString();
    if (key !== this.#loadedFor) {
      this.#loadedFor = key;
      this.#draft = {};
      void this.#load();
    }
  }

  /**
   * What the person typed or chose but has not applied yet: a re-render (the organisations or
   * the page arriving) must not put the applied filter back over it.
   */
  #draft: Record<string, string> = {};

  #keep(e: Event) {
    const t = e.target as HTMLInputElement | HTMLSelectElement;
    if (t.name) this.#draft[t.name] = t.value;
  }

  async #load(cursor?: string) {
    const seq = ++this.#seq;
    this.loading = cursor ? 'more' : 'list';
    this.error = undefined;
    const { data, error } = await call(store.client.cases.list({ ...apiFilter(this.filter), ...(cursor ? { cursor } : {}) }));
    if (seq !== this.#seq) return;
    this.loading = false;
    if (error) {
      this.error = error;
      this.announce(errorText(error), true);
      return;
    }
    const before = cursor ? this.items.length : 0;
    this.items = cursor ? [...this.items, ...data.items] : data.items;
    this.nextCursor = data.nextCursor;
    if (cursor) {
      this.announce(this.t('loadedMore', { n: data.items.length }));
      await this.updateComplete;
      this.renderRoot.querySelectorAll<HTMLAnchorElement>('tbody a')[before]?.focus();
    } else {
      this.announce(data.items.length ? this.t('listLoaded', { n: data.items.length }) : this.t('noCases'));
    }
  }

  #apply(e: SubmitEvent) {
    e.preventDefault();
    const v = formValues(e.target as HTMLFormElement) as Record<string, string>;
    const [sort, order] = (v.sortOrder ?? 'created-desc').split('-');
    const next: Filter = { kind: v.kind, status: v.status, org: v.org, from: v.from, to: v.to, q: v.q?.trim(), sort: sort === 'updated' ? 'updated' : undefined, order: order === 'asc' ? 'asc' : undefined };
    navigate('/cases', next);
  }

  #clear() {
    this.#draft = {};
    this.requestUpdate();
    navigate('/cases');
  }

  #filters() {
    const d = this.#draft;
    const applied = this.filter;
    const f: Filter = { ...applied, q: d.q ?? applied.q, kind: d.kind ?? applied.kind, status: d.status ?? applied.status, org: d.org ?? applied.org, from: d.from ?? applied.from, to: d.to ?? applied.to };
    const errs = fieldErrors(this.error);
    const any = (label: string) => ({ value: '', label });
    const sortValue = d.sortOrder ?? `${applied.sort ?? 'created'}-${applied.order ?? 'desc'}`;
    const showOrgs = store.me && can(store.me.role, 'cases.assign');
    return html`<form class="filters card" @submit=${this.#apply} @input=${this.#keep} @change=${this.#keep} role="search" aria-label=${this.t('filters')}>
      <div class="grid">
        ${textField({ name: 'q', label: this.t('filterSearch'), hint: this.t('filterSearchHint'), value: f.q ?? '', type: 'search', error: errs.q })}
        ${selectField({ name: 'kind', label: this.t('filterKind'), value: f.kind ?? '', options: [any(this.t('all')), ...CASE_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))] })}
        ${selectField({ name: 'status', label: this.t('filterStatus'), value: f.status ?? '', options: [any(this.t('all')), ...ADMIN_CASE_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))] })}
        ${showOrgs
          ? selectField({ name: 'org', label: this.t('filterOrg'), value: f.org ?? '', error: errs.org, options: [any(this.t('all')), { value: 'none', label: this.t('filterOrgNone') }, ...this.orgs.map((o) => ({ value: o.id, label: o.name }))] })
          : nothing}
        ${textField({ name: 'from', label: this.t('filterFrom'), value: f.from ?? '', type: 'date', error: errs.from })}
        ${textField({ name: 'to', label: this.t('filterTo'), value: f.to ?? '', type: 'date', error: errs.to })}
        ${selectField({ name: 'sortOrder', label: this.t('filterSort'), value: sortValue, options: SORTS.map(([s, o, key]) => ({ value: `${s}-${o}`, label: this.t(key) })) })}
      </div>
      <div class="actions">
        <button class="primary" type="submit">${this.t('applyFilters')}</button>
        <button type="button" @click=${this.#clear}>${this.t('clearFilters')}</button>
      </div>
    </form>`;
  }

  #row(c: AdminCaseView) {
    const name = [c.subject?.firstName, c.subject?.lastName].filter(Boolean).join(' ');
    const place = [c.subject?.postcode, c.subject?.city].filter(Boolean).join(' ');
    const product = [c.product?.brand, c.product?.model].filter(Boolean).join(' ');
    return html`<tr>
      <th scope="row"><a href=${href(`/cases/${c.id}`)}>${c.reference ?? c.id}</a></th>
      <td>${kindLabel(c.kind)}</td>
      <td><span class="badge status-${c.status}">${statusLabel(c.status)}</span></td>
      <td class="wrap">${name || '—'}</td>
      <td class="wrap">${place || '—'}</td>
      <td class="wrap">${product || '—'}</td>
      <td>${c.assignedOrg?.name ?? '—'}</td>
      <td>${formatShortDateTime(c.createdAt, store.locale)}</td>
      <td>${formatShortDateTime(c.updatedAt, store.locale)}</td>
    </tr>`;
  }

  #table() {
    if (this.loading === 'list') return html`<p class="state" role="status">${this.t('loading')}</p>`;
    if (this.error && !this.items.length) {
      return html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p>
        <button type="button" @click=${() => this.#load()}>${this.t('retry')}</button></div>`;
    }
    if (!this.items.length) return html`<p class="state empty">${this.t('noCases')}</p>`;
    const f = this.filter;
    const sortKey = SORTS.find(([s, o]) => s === (f.sort ?? 'created') && o === (f.order ?? 'desc'))?.[2] ?? 'sortCreatedDesc';
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('casesTitle')}>
        <table>
          <caption>${this.t('casesCaption', { sort: this.t(sortKey).toLowerCase() })} · ${this.t('casesCount', { n: this.items.length })}</caption>
          <thead><tr>
            <th scope="col">${this.t('colReference')}</th><th scope="col">${this.t('colKind')}</th><th scope="col">${this.t('colStatus')}</th>
            <th scope="col">${this.t('colName')}</th><th scope="col">${this.t('colPlace')}</th><th scope="col">${this.t('colProduct')}</th>
            <th scope="col">${this.t('colAssigned')}</th><th scope="col">${this.t('colCreated')}</th><th scope="col">${this.t('colUpdated')}</th>
          </tr></thead>
          <tbody>${this.items.map((c) => this.#row(c))}</tbody>
        </table>
      </div>
      ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
      ${this.nextCursor
        ? html`<div class="actions"><button type="button" @click=${() => this.#load(this.nextCursor!)} ?disabled=${this.loading === 'more'}>
            ${this.loading === 'more' ? this.t('loading') : this.t('loadMore')}</button></div>`
        : nothing}`;
  }

  override render() {
    const mayExport = store.me && can(store.me.role, 'cases.export');
    return html`<h1>${this.t('casesTitle')}</h1>
      ${this.#filters()}
      ${mayExport ? html`<admin-case-exports .filter=${apiFilter(this.filter)}></admin-case-exports>` : nothing}
      ${this.#table()}`;
  }
}

customElements.define('admin-cases', AdminCases);
