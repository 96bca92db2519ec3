import { html } from 'lit';
import { AdminView } from '../../base/admin-element.js';
import { homeOf } from '../../router/access.js';
import { href } from '../../router/routes.js';
import { store } from '../../state/store.js';

/** @summary A route that does not exist, or one the role may not see. */
export class AdminNotFound extends AdminView {
  override render() {
    return html`<h1>${this.t('notFoundTitle')}</h1>
      <p>${this.t('notFoundText')}</p>
      <p><a href=${href(store.me ? homeOf(store.me.role) : '/sign-in')}>${this.t('goHome')}</a></p>`;
  }
}
customElements.define('admin-not-found', AdminNotFound);
