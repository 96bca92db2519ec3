import { AftercareRepair } from './repair.js';

export { AftercareRepair };

// Defined once, and only where custom elements exist (importing this on a server is harmless).
if (typeof customElements !== 'undefined' && !customElements.get('aftercare-repair')) customElements.define('aftercare-repair', AftercareRepair);

declare global {
  interface HTMLElementTagNameMap {
    'aftercare-repair': AftercareRepair;
  }
}
