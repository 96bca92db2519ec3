import { AftercareWarranty } from './warranty.js';

export { AftercareWarranty };

// Defined once, and only where custom elements exist (importing this on a server is harmless).
if (typeof customElements !== 'undefined' && !customElements.get('aftercare-warranty')) customElements.define('aftercare-warranty', AftercareWarranty);

declare global {
  interface HTMLElementTagNameMap {
    'aftercare-warranty': AftercareWarranty;
  }
}
