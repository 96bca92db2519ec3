import * as v from 'valibot';
import { text, optionalPattern } from './fields.js';
import { EU_COUNTRIES, normalizePostcode } from './postcode.js';
import { normalizePhone } from './phone.js';

/**
 * The consumer (data subject). R2: name, address, email and phone, and nothing else personal.
 * Postcode and phone are normalised for the subject's country (`1234ab` → `1234 AB`,
 * `06-12345678` → `+31612345678`).
 */
export const SubjectSchema = v.pipe(
  v.strictObject(
    {
      firstName: text(1, 100),
      lastName: text(1, 100),
      street: text(1, 120),
      houseNumber: v.pipe(text(1, 10), v.regex(/^\d[\dA-Za-z\-/ ]*$/, 'invalid_format')),
      houseNumberAddition: optionalPattern(10, /^[\dA-Za-z\-/ ]*$/),
      postcode: text(2, 12),
      city: text(1, 100),
      country: v.optional(v.picklist(EU_COUNTRIES, 'invalid_country'), 'NL'),
      email: v.pipe(v.string('invalid_type'), v.trim(), v.toLowerCase(), v.maxLength(254, 'too_long'), v.email('invalid_email')),
      phone: v.optional(v.pipe(v.string('invalid_type'), v.trim(), v.maxLength(32, 'too_long'))),
    },
    'unknown_field',
  ),
  v.forward(
    v.partialCheck([['postcode'], ['country']], (s) => normalizePostcode(s.postcode, s.country) !== null, 'invalid_postcode'),
    ['postcode'],
  ),
  v.forward(
    v.partialCheck([['phone'], ['country']], (s) => !s.phone || normalizePhone(s.phone, s.country) !== null, 'invalid_phone'),
    ['phone'],
  ),
  v.transform((s) => ({
    ...s,
    postcode: normalizePostcode(s.postcode, s.country)!,
    phone: s.phone ? normalizePhone(s.phone, s.country)! : undefined,
  })),
);
export type SubjectInput = v.InferInput<typeof SubjectSchema>;
export type SubjectOutput = v.InferOutput<typeof SubjectSchema>;
