import { EU_COUNTRIES } from '../../../sdk/src/schemas/postcode.js';
import { M } from '../i18n/index.js';
import type { FieldSpec } from '../fields/types.js';

/** Country names in the widget's language, from the browser (no table to download). */
export const countryName = (code: string, locale: string) => new Intl.DisplayNames(locale, { type: 'region' }).of(code) ?? code;

/**
 * Fields of one step from `[key, required, autocomplete token (WCAG 1.3.5), type, more]` rows; their
 * labels are consecutive in `M` from `first`, in this order.
 */
const fields = (prefix: string, first: M, rows: [string, 0 | 1, string?, FieldSpec['type']?, Partial<FieldSpec>?][]): FieldSpec[] =>
  rows.map(([key, required, auto, type, more], i) => ({ name: `${prefix}.${key}`, label: first + i, required: !!required, auto, type, ...more }));

/** Contact step: exactly the personal data R2 allows. */
export const SUBJECT_FIELDS = fields('subject', M.fFirstName, [
  ['firstName', 1, 'given-name'],
  ['lastName', 1, 'family-name'],
  ['street', 1, 'address-line1'],
  ['houseNumber', 1],
  ['houseNumberAddition', 0],
  ['postcode', 1, 'postal-code'],
  ['city', 1, 'address-level2'],
  ['country', 1, 'country', 'select', { options: EU_COUNTRIES, optionLabel: countryName }],
  ['email', 1, 'email', 'email'],
  ['phone', 0, 'tel', 'tel'],
]);

/** Product step; the `brand`, `model` and `serial` attributes prefill it. */
export const PRODUCT_FIELDS = fields('product', M.fBrand, [
  ['brand', 1],
  ['model', 1],
  ['serialNumber', 0],
  ['purchaseDate', 1, , 'date'],
  ['retailer', 0],
  ['proofOfPurchaseRef', 0],
]);
