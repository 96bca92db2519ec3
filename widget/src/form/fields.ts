import { EU_COUNTRIES } from '../../../sdk/src/schemas/postcode.js';
import type { FieldSpec } from '../fields/types.js';

/** A field: its path, whether it is required, its `autocomplete` token (WCAG 1.3.5), its type. */
const field = (name: string, required: boolean, auto?: string, type?: FieldSpec['type']): FieldSpec => ({ name, required, auto, type });

/** Country names in the widget's language, from the browser (no table to download). */
export const countryName = (code: string, locale: string) => new Intl.DisplayNames(locale, { type: 'region' }).of(code) ?? code;

/** Contact step: exactly the personal data R2 allows. */
export const SUBJECT_FIELDS: FieldSpec[] = [
  field('subject.firstName', true, 'given-name'),
  field('subject.lastName', true, 'family-name'),
  field('subject.street', true, 'address-line1'),
  field('subject.houseNumber', true),
  field('subject.houseNumberAddition', false),
  field('subject.postcode', true, 'postal-code'),
  field('subject.city', true, 'address-level2'),
  { ...field('subject.country', true, 'country', 'select'), options: EU_COUNTRIES, optionLabel: countryName },
  field('subject.email', true, 'email', 'email'),
  field('subject.phone', false, 'tel', 'tel'),
];

/** Product step; the `brand`, `model` and `serial` attributes prefill it. */
export const PRODUCT_FIELDS: FieldSpec[] = [
  field('product.brand', true),
  field('product.model', true),
  field('product.serialNumber', false),
  field('product.purchaseDate', true, undefined, 'date'),
  field('product.retailer', false),
  field('product.proofOfPurchaseRef', false),
];
