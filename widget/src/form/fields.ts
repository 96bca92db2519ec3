import { EU_COUNTRIES } from '../../../sdk/src/schemas/postcode.js';
import { M } from '../i18n/index.js';
import type { FieldSpec } from '../fields/types.js';

/** A field: its path, label, whether it is required, `autocomplete` token (WCAG 1.3.5), type. */
const field = (name: string, label: M, required: boolean, auto?: string, type?: FieldSpec['type']): FieldSpec => ({ name, label, required, auto, type });

/** Country names in the widget's language, from the browser (no table to download). */
export const countryName = (code: string, locale: string) => new Intl.DisplayNames(locale, { type: 'region' }).of(code) ?? code;

/** Contact step: exactly the personal data R2 allows. */
export const SUBJECT_FIELDS: FieldSpec[] = [
  field('subject.firstName', M.fFirstName, true, 'given-name'),
  field('subject.lastName', M.fLastName, true, 'family-name'),
  field('subject.street', M.fStreet, true, 'address-line1'),
  field('subject.houseNumber', M.fHouseNumber, true),
  field('subject.houseNumberAddition', M.fHouseNumberAddition, false),
  field('subject.postcode', M.fPostcode, true, 'postal-code'),
  field('subject.city', M.fCity, true, 'address-level2'),
  { ...field('subject.country', M.fCountry, true, 'country', 'select'), options: EU_COUNTRIES, optionLabel: countryName },
  field('subject.email', M.fEmail, true, 'email', 'email'),
  field('subject.phone', M.fPhone, false, 'tel', 'tel'),
];

/** Product step; the `brand`, `model` and `serial` attributes prefill it. */
export const PRODUCT_FIELDS: FieldSpec[] = [
  field('product.brand', M.fBrand, true),
  field('product.model', M.fModel, true),
  field('product.serialNumber', M.fSerialNumber, false),
  field('product.purchaseDate', M.fPurchaseDate, true, undefined, 'date'),
  field('product.retailer', M.fRetailer, false),
  field('product.proofOfPurchaseRef', M.fProofOfPurchaseRef, false),
];
