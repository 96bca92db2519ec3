import * as v from 'valibot';
import { CaseKindSchema, LocaleSchema, type CaseKind, type Locale } from '../schemas/index.js';
import { PARTNER_TYPES, TENANT_ROLES, type PartnerType, type TenantRole } from './roles.js';

/**
 * Owner settings, users, partner organisations and (operator) tenants: request schemas and
 * answer types. Messages are stable field-error codes (sdk/src/schemas/field-errors.ts).
 */

/** The widget's `--aftercare-*` tokens (widget/src/styles/form.styles.ts), without the prefix. */
export const THEME_TOKENS = ['primary', 'primary-text', 'text', 'background', 'error', 'border', 'focus-ring', 'font-family', 'font-size', 'radius', 'spacing'] as const;
export type ThemeToken = (typeof THEME_TOKENS)[number];
export const THEME_VALUE_MAX = 100;

/**
 * A theme value must stay one CSS value inside `:host{--aftercare-x:VALUE}`: it cannot close the
 * rule or declaration (`;{}<>\`), load anything (`url(`, `image`, `@import`), run script
 * (`expression(`), open a comment, or leave a string open.
 */
export function isSafeThemeValue(value: string): boolean {
  if (!/^[A-Za-z0-9 #%.,()+\-_'"!/]+$/.test(value)) return false;
  if (/url\(|expression|image|\/\*|\*\//i.test(value)) return false;
  return (value.split('"').length - 1) % 2 === 0 && (value.split("'").length - 1) % 2 === 0;
}

const ThemeValueSchema = v.pipe(v.string('invalid_type'), v.trim(), v.minLength(1, 'required'), v.maxLength(THEME_VALUE_MAX, 'too_long'), v.check(isSafeThemeValue, 'invalid_format'));
export const ThemeTokensSchema = v.record(v.picklist(THEME_TOKENS, 'invalid_value'), ThemeValueSchema, 'invalid_type');

const unique = <T>(xs: readonly T[]) => new Set(xs).size === xs.length;
const name = v.pipe(v.string('invalid_type'), v.trim(), v.minLength(1, 'required'), v.maxLength(120, 'too_long'));
/** Only https: a privacy statement over plain http can be altered on the way. */
export const HttpsUrlSchema = v.pipe(v.string('invalid_type'), v.trim(), v.maxLength(2048, 'too_long'), v.url('invalid_url'), v.check((u) => /^https:\/\//i.test(u), 'invalid_url'));
/** Origins are checked by the server (scheme://host[:port], nothing else). */
const origins = v.pipe(v.array(v.string('invalid_type'), 'invalid_type'), v.minLength(1, 'required'), v.maxLength(20, 'too_many'), v.check(unique, 'duplicate'));
const kinds = v.pipe(v.array(CaseKindSchema, 'invalid_type'), v.minLength(1, 'required'), v.check(unique, 'duplicate'));
const locales = v.pipe(v.array(LocaleSchema, 'invalid_type'), v.minLength(1, 'required'), v.check(unique, 'duplicate'));

/** `PATCH /v1/admin/settings`: any subset; `theme` replaces the whole token set (`{}` clears it). */
export const SettingsPatchSchema = v.strictObject(
  {
    name: v.optional(name),
    privacyUrl: v.optional(HttpsUrlSchema),
    allowedOrigins: v.optional(origins),
    kinds: v.optional(kinds),
    locales: v.optional(locales),
    defaultLocale: v.optional(LocaleSchema),
    theme: v.optional(ThemeTokensSchema),
    requireTotpForOwners: v.optional(v.boolean('invalid_type')),
  },
  'unknown_field',
);
export type SettingsPatchInput = v.InferInput<typeof SettingsPatchSchema>;

export type PublishableKeyView = { id: string; key: string; createdAt: number; origins: string[] };
export type SettingsOutput = {
  tenantId: string;
  name: string;
  /** Read-only: users of this tenant sign in as `<login code>@<slug>`. */
  slug: string;
  privacyUrl: string;
  /** The origins of the tenant's active publishable keys. */
  allowedOrigins: string[];
  kinds: CaseKind[];
  locales: Locale[];
  defaultLocale: Locale;
  theme: Partial<Record<ThemeToken, string>>;
  requireTotpForOwners: boolean;
  /** Publishable keys are public (they sit in the retailer's pages). */
  publishableKeys: PublishableKeyView[];
  updatedAt: number;
};

/** `POST /v1/admin/settings/consent-texts`: a new version of a locale's consent text, stored exactly as sent. */
export const ConsentTextCreateSchema = v.strictObject(
  {
    locale: LocaleSchema,
    text: v.pipe(v.string('invalid_type'), v.check((t) => t.trim().length >= 20, 'too_short'), v.maxLength(4000, 'too_long')),
  },
  'unknown_field',
);
export type ConsentTextCreateInput = v.InferInput<typeof ConsentTextCreateSchema>;
export type ConsentTextVersion = { id: string; locale: Locale; version: number; text: string; sha256: string; createdAt: number; current: boolean };
export type ConsentTextList = { items: ConsentTextVersion[] };

/**
 * Login codes are lowercase and unique within their tenant (operators: among operators). Tenant
 * users sign in as `<code>@<tenant slug>`, so a code holds no `@`.
 */
export const LoginCodeSchema = v.pipe(v.string('invalid_type'), v.trim(), v.toLowerCase(), v.minLength(3, 'too_short'), v.maxLength(64, 'too_long'), v.regex(/^[a-z0-9][a-z0-9._-]*$/, 'invalid_format'));
/** The password rules themselves are the server's (ASVS 5); this only bounds the size. */
const password = v.pipe(v.string('invalid_type'), v.maxLength(1024, 'too_long'));
export const USER_LOCALES = ['nl', 'en'] as const;
const userLocale = v.picklist(USER_LOCALES, 'invalid_value');
const orgId = v.nullable(v.pipe(v.string('invalid_type'), v.maxLength(64, 'too_long')));

/** `POST /v1/admin/users`: `partnerOrgId` is required for (and only for) `partner`. */
export const UserCreateSchema = v.strictObject(
  {
    loginCode: LoginCodeSchema,
    displayName: name,
    role: v.picklist(TENANT_ROLES, 'invalid_value'),
    partnerOrgId: v.optional(orgId),
    password,
    locale: v.optional(userLocale, 'nl'),
  },
  'unknown_field',
);
export type UserCreateInput = v.InferInput<typeof UserCreateSchema>;

/** `PATCH /v1/admin/users/:id`. A role, organisation or disable change ends the user's sessions. */
export const UserPatchSchema = v.strictObject(
  {
    displayName: v.optional(name),
    role: v.optional(v.picklist(TENANT_ROLES, 'invalid_value')),
    partnerOrgId: v.optional(orgId),
    locale: v.optional(userLocale),
    disabled: v.optional(v.boolean('invalid_type')),
  },
  'unknown_field',
);
export type UserPatchInput = v.InferInput<typeof UserPatchSchema>;

export const PasswordSetSchema = v.strictObject({ password }, 'unknown_field');
export type PasswordSetInput = v.InferInput<typeof PasswordSetSchema>;

/** A user as the admin API shows one: never a password hash or TOTP secret. */
export type UserView = {
  id: string;
  loginCode: string;
  displayName: string;
  role: TenantRole;
  partnerOrgId: string | null;
  locale: (typeof USER_LOCALES)[number];
  totpEnabled: boolean;
  disabled: boolean;
  createdAt: number;
  updatedAt: number;
  lastLoginAt: number | null;
};
export type UserList = { items: UserView[] };

export const OrganisationCreateSchema = v.strictObject({ name, type: v.picklist(PARTNER_TYPES, 'invalid_value') }, 'unknown_field');
export type OrganisationCreateInput = v.InferInput<typeof OrganisationCreateSchema>;
/** Disabling an organisation stops its users and keys at once. */
export const OrganisationPatchSchema = v.strictObject({ name: v.optional(name), disabled: v.optional(v.boolean('invalid_type')) }, 'unknown_field');
export type OrganisationPatchInput = v.InferInput<typeof OrganisationPatchSchema>;
export type OrganisationView = { id: string; name: string; type: PartnerType; disabled: boolean; createdAt: number; disabledAt: number | null };
export type OrganisationList = { items: OrganisationView[] };

/** `POST /v1/admin/tenants` (operator): the tenant, its first publishable key and its first owner. */
export const TenantCreateSchema = v.strictObject(
  {
    name,
    origins,
    privacyUrl: HttpsUrlSchema,
    kinds: v.optional(kinds),
    locales: v.optional(locales),
    owner: v.strictObject({ loginCode: LoginCodeSchema, displayName: name, password }, 'unknown_field'),
  },
  'unknown_field',
);
export type TenantCreateInput = v.InferInput<typeof TenantCreateSchema>;
/** `owner.signInName` is what the owner types at sign-in: `<login code>@<slug>`. */
export type TenantCreated = { tenantId: string; name: string; slug: string; publishableKey: string; owner: { id: string; loginCode: string; signInName: string } };
/** What an operator sees of a tenant: no personal data, only counts. */
export type TenantSummary = { id: string; name: string; slug: string; createdAt: number; users: number; cases: number };
export type TenantList = { items: TenantSummary[] };
