import { AftercareReturn } from './return.js';

export { AftercareReturn };

// Defined once, and only where custom elements exist (importing this on a server is harmless).
if (typeof customElements !== 'undefined' && !customElements.get('aftercare-return')) customElements.define('aftercare-return', AftercareReturn);

declare global {
  interface HTMLElementTagNameMap {
    'aftercare-return': AftercareReturn;
  }
}
