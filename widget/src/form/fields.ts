import { EU_COUNTRIES } from '../../../sdk/src/schemas/postcode.js';
import type { FieldSpec } from '../fields/types.js';

const names = new Map<string, Intl.DisplayNames>();
/** Country names in the widget's language, from the browser (no table to download). */
export function countryName(code: string, locale: string): string {
  let dn = names.get(locale);
  if (!dn) names.set(locale, (dn = new Intl.DisplayNames([locale], { type: 'region' })));
  return dn.of(code) ?? code;
}

/** Contact step: exactly the personal data R2 allows. */
export const SUBJECT_FIELDS: FieldSpec[] = [
  { name: 'subject.firstName', required: true, auto: 'given-name' },
  { name: 'subject.lastName', required: true, auto: 'family-name' },
  { name: 'subject.street', required: true, auto: 'address-line1' },
  { name: 'subject.houseNumber', required: true },
  { name: 'subject.houseNumberAddition' },
  { name: 'subject.postcode', required: true, auto: 'postal-code' },
  { name: 'subject.city', required: true, auto: 'address-level2' },
  { name: 'subject.country', type: 'select', required: true, options: EU_COUNTRIES, optionLabel: countryName, auto: 'country' },
  { name: 'subject.email', type: 'email', required: true, auto: 'email' },
  { name: 'subject.phone', type: 'tel', auto: 'tel' },
];

/** Product step; `brand`, `model` and `serial` attributes prefill it. */
export const PRODUCT_FIELDS: FieldSpec[] = [
  { name: 'product.brand', required: true },
  { name: 'product.model', required: true },
  { name: 'product.serialNumber' },
  { name: 'product.purchaseDate', type: 'date', required: true },
  { name: 'product.retailer' },
  { name: 'product.proofOfPurchaseRef' },
];
