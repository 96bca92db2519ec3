import { AftercareRegistration } from './registration.js';

export { AftercareRegistration };

// Defined once, and only where custom elements exist (importing this on a server is harmless).
if (typeof customElements !== 'undefined' && !customElements.get('aftercare-registration')) customElements.define('aftercare-registration', AftercareRegistration);

declare global {
  interface HTMLElementTagNameMap {
    'aftercare-registration': AftercareRegistration;
  }
}
