import * as v from 'valibot';
import { LocaleSchema, httpsUrl } from './fields.js';

/**
 * R4/R5: the consent the consumer gave. `accepted` must be the literal `true`;
 * `textId` and `textHash` name the exact words shown (SHA-256, hex), in `locale`,
 * next to the privacy statement at `privacyUrl`. The server checks all of it.
 */
export const ConsentSchema = v.strictObject(
  {
    accepted: v.literal(true, 'consent_required'),
    textId: v.pipe(v.string('invalid_type'), v.minLength(1, 'required'), v.maxLength(64, 'too_long')),
    textHash: v.pipe(v.string('invalid_type'), v.regex(/^[0-9a-f]{64}$/, 'invalid_format')),
    locale: LocaleSchema,
    privacyUrl: httpsUrl,
  },
  'unknown_field',
);
export type ConsentInput = v.InferInput<typeof ConsentSchema>;
export type ConsentOutput = v.InferOutput<typeof ConsentSchema>;
