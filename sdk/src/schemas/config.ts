import * as v from 'valibot';
import { LocaleSchema } from './fields.js';
import { CaseKindSchema } from './case.js';

export const ConsentTextSchema = v.object({ id: v.string(), hash: v.string(), text: v.string() });
export type ConsentText = v.InferOutput<typeof ConsentTextSchema>;

/** `GET /v1/config`: what a widget needs to render a tenant's forms. */
export const PublicConfigSchema = v.object({
  tenant: v.object({ name: v.string() }),
  kinds: v.array(CaseKindSchema),
  locales: v.array(LocaleSchema),
  defaultLocale: LocaleSchema,
  consentTexts: v.record(v.string(), ConsentTextSchema),
  privacyUrl: v.string(),
  theme: v.record(v.string(), v.string()),
});
export type PublicConfig = v.InferOutput<typeof PublicConfigSchema>;

/** Theme tokens a tenant may set: `--aftercare-*` names without the prefix, CSS values. */
export const ThemeSchema = v.record(
  v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,40}$/)),
  v.pipe(v.string(), v.maxLength(200), v.regex(/^[^;{}<>\\]*$/)),
);
