import { html, nothing } from 'lit';
import type { NoticeView } from '../../../../sdk/src/admin/agreement.js';
import { can } from '../../../../sdk/src/admin/roles.js';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminView } from '../../base/admin-element.js';
import { call, errorText } from '../../state/errors.js';
import { store } from '../../state/store.js';
import { formatDate, formatDateTime } from '../../i18n/index.js';
import { href } from '../../router/routes.js';
import { complianceStyles } from '../compliance/compliance.styles.js';
import { breachCategory } from '../compliance/breach-facts.js';
import { refreshUnread } from './unread.js';

/** @summary In-product notices (breaches, sub-processors, agreement versions), newest first; owners mark them read. */
export class AdminNotices extends AdminView {
  static override styles = [AdminView.styles, complianceStyles];
  static override properties = { items: { state: true }, unread: { state: true }, error: { state: true } };
  declare items: NoticeView[] | undefined;
  declare unread: number;
  declare error: AdminClientError | undefined;

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    const { data, error } = await call(store.client.notices.list());
    this.items = data?.items;
    this.unread = data?.unread ?? 0;
    this.error = error;
    if (data) void refreshUnread(data.unread);
  }

  async #read(n: NoticeView) {
    const { error } = await call(store.client.notices.markRead(n.id));
    if (error) return (this.error = error), this.announce(errorText(error), true);
    this.announce(this.t('noticeMarked'));
    await this.#load();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#n-${n.id}`)?.focus();
  }

  #about(n: NoticeView) {
    const a = n.about;
    const loc = store.locale;
    switch (a.kind) {
      case 'breach': return html`<p>${this.t('noticeBreach', { discovered: formatDateTime(a.discoveredAt, loc), deadline: formatDateTime(a.deadlineAt, loc), subjects: a.approxSubjects })}</p>
        <p>${this.t('brCategories')}: ${a.dataCategories.map(breachCategory).join(', ')}</p><p><a href=${href('/privacy/breaches')}>${this.t('noticeOpenBreaches')}</a></p>`;
      case 'subprocessor': return html`<p>${this.t('noticeSubprocessor', { name: a.name, purpose: a.purpose, location: a.location, date: formatDate(a.startDate, loc) })}</p>
        <p><a href=${href('/privacy/subprocessors')}>${this.t('noticeOpenSubprocessors')}</a></p>`;
      case 'agreement': return html`<p>${this.t('noticeAgreement', { version: a.version, at: formatDateTime(a.publishedAt, loc) })}</p><p><a href=${href('/agreement')}>${this.t('noticeOpenAgreement')}</a></p>`;
      default: return nothing;
    }
  }

  override render() {
    const owner = !!store.me && can(store.me.role, 'registers.manage');
    return html`<h1>${this.t('noticesTitle')}</h1>
      ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
      ${!this.items ? (this.error ? nothing : html`<p role="status">${this.t('loading')}</p>`) : html`
        <p>${this.t('noticesIntro', { unread: this.unread })}</p>
        ${!this.items.length ? html`<p class="card">${this.t('noticesNone')}</p>` : this.items.map((n) => html`<article class="item" aria-labelledby=${`n-${n.id}`}>
          <h2 id=${`n-${n.id}`} tabindex="-1">${n.readAt ? nothing : html`<span class="badge">${this.t('noticeUnread')}</span> `}${this.t(`notice_${n.kind}`)}</h2>
          <p class="muted">${formatDateTime(n.createdAt, store.locale)}${n.readAt ? ` · ${this.t('noticeReadBy', { at: formatDateTime(n.readAt, store.locale), who: n.readBy ?? '—' })}` : ''}</p>
          ${this.#about(n)}
          ${owner && !n.readAt ? html`<button type="button" @click=${() => this.#read(n)} aria-label=${`${this.t('noticeMarkRead')}: ${this.t(`notice_${n.kind}`)}, ${formatDateTime(n.createdAt, store.locale)}`}>${this.t('noticeMarkRead')}</button>` : nothing}
        </article>`)}`}`;
  }
}
customElements.define('admin-notices', AdminNotices);
