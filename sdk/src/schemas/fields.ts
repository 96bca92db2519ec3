import * as v from 'valibot';
import { isoDate } from './date.js';

export { isoDate };

/**
 * Building blocks shared by the payload schemas. Every message is a stable field-error
 * code (see `field-errors.ts`); people read a translation of it, never the code.
 */
export const text = (min: number, max: number) =>
  v.pipe(v.string('invalid_type'), v.trim(), v.minLength(min, min > 0 ? 'required' : 'too_short'), v.maxLength(max, 'too_long'));

export const optionalText = (max: number) => v.optional(v.pipe(v.string('invalid_type'), v.trim(), v.maxLength(max, 'too_long')));

export const optionalPattern = (max: number, pattern: RegExp) =>
  v.optional(v.pipe(v.string('invalid_type'), v.trim(), v.maxLength(max, 'too_long'), v.regex(pattern, 'invalid_format')));

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** A date that is not after today (a day's grace for time zones east of UTC). */
export const pastDate = v.pipe(
  isoDate,
  v.check((d) => d >= '1970-01-01', 'invalid_date'),
  v.check((d) => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    return d <= tomorrow;
  }, 'date_in_future'),
);

/** A date that is today or later (visit windows). */
export const futureDate = v.pipe(isoDate, v.check((d) => d >= todayUtc(), 'date_in_past'));

export const httpsUrl = v.pipe(
  v.string('invalid_type'),
  v.trim(),
  v.maxLength(2048, 'too_long'),
  v.url('invalid_url'),
  v.check((u) => /^https?:\/\//i.test(u), 'invalid_url'),
);

export const LOCALES = ['nl', 'en', 'de', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const LocaleSchema = v.picklist(LOCALES, 'invalid_value');
