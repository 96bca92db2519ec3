/**
 * `@aftercare/widget` for bundler users: the four form elements, defined on import (once; a
 * no-op where `customElements` does not exist), their classes and the typed events.
 * Script-tag users load `aftercare.js` instead, which loads each form on first use.
 */
export { AftercareRegistration } from './elements/registration/index.js';
export { AftercareWarranty } from './elements/warranty/index.js';
export { AftercareRepair } from './elements/repair/index.js';
export { AftercareReturn } from './elements/return/index.js';
export { AftercareElement } from './base/aftercare-element.js';
export { AftercareForm, type Details } from './form/aftercare-form.js';
export * from './events.js';
export { loadMessages, resolveLocale, type Locale, type Messages } from './i18n/index.js';
