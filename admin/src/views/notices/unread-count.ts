import { html, nothing, css } from 'lit';
import { AdminElement } from '../../base/admin-element.js';
import { unreadCount } from './unread.js';

/** @summary The number of unread notices beside "Notices" in the navigation (words for screen readers). */
export class AdminUnreadCount extends AdminElement {
  static override styles = [AdminElement.styles, css`
    :host { display: inline; }
    .count { display: inline-block; min-width: 1.4rem; padding: 0 0.35rem; margin-inline-start: 0.3rem; border-radius: 999px; background: var(--danger); color: #fff; font-size: 0.8rem; font-weight: 700; text-align: center; line-height: 1.4rem; }
  `];

  override render() {
    const n = unreadCount();
    if (!n) return nothing;
    return html`<span class="count" aria-hidden="true">${n}</span><span class="sr-only">${this.t('noticesUnreadSr', { count: n })}</span>`;
  }
}
customElements.define('admin-unread-count', AdminUnreadCount);
