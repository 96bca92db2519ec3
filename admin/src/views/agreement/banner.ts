import { html, nothing, css } from 'lit';
import { can } from '../../../../sdk/src/admin/roles.js';
import { AdminElement } from '../../base/admin-element.js';
import { href } from '../../router/routes.js';
import { agreementGate } from './gate.js';

/** @summary For auditors while the processor agreement waits for the owner: a banner saying so (the owner sees the agreement itself). */
export class AdminAgreementBanner extends AdminElement {
  static override styles = [AdminElement.styles, css`
    :host { display: block; padding: 0 1rem; }
    .notice { max-width: 74rem; margin: 1rem auto 0; }
  `];

  override render() {
    const me = this.store.me;
    if (!me || can(me.role, 'registers.manage') || agreementGate() !== 'required') return nothing;
    return html`<div class="notice info" role="status"><p>${this.t('agrBanner')} <a href=${href('/agreement')}>${this.t('agrBannerLink')}</a></p></div>`;
  }
}
customElements.define('admin-agreement-banner', AdminAgreementBanner);
