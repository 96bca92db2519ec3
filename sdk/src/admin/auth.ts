import * as v from 'valibot';
import { PARTNER_TYPES, PERMISSIONS, ROLES, TENANT_ROLES } from './roles.js';

/**
 * R13 sign-in, the signed-in principal (`/me`) and sk_ API keys: request and response shapes.
 * Every message is a stable field-error code. Passwords are never trimmed.
 */
const password = v.pipe(v.string('invalid_type'), v.minLength(1, 'required'), v.maxLength(1024, 'too_long'));
const name = (max: number) => v.pipe(v.string('invalid_type'), v.trim(), v.minLength(1, 'required'), v.maxLength(max, 'too_long'));
const totpCode = v.pipe(v.string('invalid_type'), v.trim(), v.regex(/^\d{6}$/, 'invalid_format'));

export const ADMIN_LOCALES = ['nl', 'en'] as const;
export type AdminLocale = (typeof ADMIN_LOCALES)[number];

// ---- sign-in --------------------------------------------------------------------------------

export const LoginInputSchema = v.strictObject({ loginCode: name(128), password }, 'unknown_field');
export type LoginInput = v.InferInput<typeof LoginInputSchema>;

export const TotpInputSchema = v.strictObject({ code: totpCode }, 'unknown_field');
export type TotpInput = v.InferInput<typeof TotpInputSchema>;

// ---- the principal ---------------------------------------------------------------------------

export const MeSchema = v.object({
  /** `user` (signs in) or `api_key` (an sk_ key calling server-to-server). */
  type: v.picklist(['user', 'api_key']),
  id: v.string(),
  displayName: v.string(),
  /** Null for API keys. */
  loginCode: v.nullable(v.string()),
  /** What this user types at sign-in: `<login code>@<tenant slug>` (operators: the code). Null for API keys. */
  signInName: v.nullable(v.string()),
  role: v.picklist(ROLES),
  permissions: v.array(v.picklist(PERMISSIONS)),
  tenant: v.nullable(v.object({ id: v.string(), name: v.string(), slug: v.string() })),
  partnerOrg: v.nullable(v.object({ id: v.string(), name: v.string(), type: v.picklist(PARTNER_TYPES) })),
  locale: v.picklist(ADMIN_LOCALES),
  totpEnabled: v.boolean(),
  /** True when the tenant requires TOTP of owners and this is an owner (disabling is refused). */
  totpRequired: v.boolean(),
});
export type Me = v.InferOutput<typeof MeSchema>;

/**
 * The answer to a correct password: `done` (signed in, with the principal), `totp` (send a code
 * to `POST /auth/totp`), or `totp_setup` (the tenant requires TOTP of owners and this owner has
 * none: `POST /auth/totp/setup`, then `POST /auth/totp/enable`).
 */
export const LoginResultSchema = v.variant('stage', [
  v.object({ stage: v.literal('done'), user: MeSchema }),
  v.object({ stage: v.literal('totp') }),
  v.object({ stage: v.literal('totp_setup') }),
]);
export type LoginResult = v.InferOutput<typeof LoginResultSchema>;
export type SignedIn = { stage: 'done'; user: Me };

export const MeUpdateSchema = v.strictObject(
  { displayName: v.optional(name(100)), locale: v.optional(v.picklist(ADMIN_LOCALES, 'invalid_value')) },
  'unknown_field',
);
export type MeUpdate = v.InferInput<typeof MeUpdateSchema>;

export const PasswordChangeSchema = v.strictObject({ currentPassword: password, newPassword: password }, 'unknown_field');
export type PasswordChange = v.InferInput<typeof PasswordChangeSchema>;

/** Step-up (confirmIdentity): the password again, and a current TOTP code when TOTP is on. */
const reauth = { password, totpCode: v.optional(totpCode) };

/** `POST /me/totp/setup`: the password again (a stolen session cannot swap in its own authenticator). */
export const TotpSetupInputSchema = v.strictObject({ password }, 'unknown_field');
export type TotpSetupInput = v.InferInput<typeof TotpSetupInputSchema>;

/** `POST /me/totp/disable`: the password and a current code from the authenticator. */
export const TotpDisableSchema = v.strictObject(reauth, 'unknown_field');
export type TotpDisable = v.InferInput<typeof TotpDisableSchema>;

/** Enrolment: the base32 secret (for typing in) and the otpauth:// URI (for a QR code). */
export const TotpSetupSchema = v.object({ secret: v.string(), otpauthUri: v.string() });
export type TotpSetup = v.InferOutput<typeof TotpSetupSchema>;

// ---- sk_ API keys ------------------------------------------------------------------------------

export const API_KEY_ROLES = TENANT_ROLES;

export const ApiKeyCreateSchema = v.pipe(
  v.strictObject(
    {
      name: name(100),
      role: v.picklist(API_KEY_ROLES, 'invalid_value'),
      partnerOrgId: v.optional(v.nullable(v.pipe(v.string('invalid_type'), v.trim(), v.minLength(1, 'required'), v.maxLength(64, 'too_long')))),
      /** ISO 8601 date-time in the future; absent or null: the key does not expire. */
      expiresAt: v.optional(v.nullable(v.pipe(v.string('invalid_type'), v.regex(/^\d{4}-\d{2}-\d{2}T/, 'invalid_format'), v.check((s) => !Number.isNaN(Date.parse(s)), 'invalid_format')))),
      /** Owner-level keys (`needsStepUp` in roles.ts): the creating user's password again, and the TOTP code when TOTP is on. */
      password: v.optional(password),
      totpCode: v.optional(totpCode),
    },
    'unknown_field',
  ),
  v.forward(v.partialCheck([['role'], ['partnerOrgId']], (k) => k.role !== 'partner' || !!k.partnerOrgId, 'required'), ['partnerOrgId']),
  v.forward(v.partialCheck([['role'], ['partnerOrgId']], (k) => k.role === 'partner' || !k.partnerOrgId, 'invalid_value'), ['partnerOrgId']),
);
export type ApiKeyCreate = v.InferInput<typeof ApiKeyCreateSchema>;

export const ApiKeySchema = v.object({
  id: v.string(),
  name: v.string(),
  /** The first characters of the key (`sk_live_abcd`), to tell keys apart. */
  prefix: v.string(),
  role: v.picklist(TENANT_ROLES),
  partnerOrgId: v.nullable(v.string()),
  createdAt: v.string(),
  /** Null: never expires. */
  expiresAt: v.nullable(v.string()),
  /** Past its expiry (by the server's clock): the key answers 401. */
  expired: v.boolean(),
  lastUsedAt: v.nullable(v.string()),
  revokedAt: v.nullable(v.string()),
});
export type ApiKey = v.InferOutput<typeof ApiKeySchema>;

/** The answer to a create: the key itself, shown this once and never again. */
export const CreatedApiKeySchema = v.object({ ...ApiKeySchema.entries, key: v.string() });
export type CreatedApiKey = v.InferOutput<typeof CreatedApiKeySchema>;

export const ApiKeyListSchema = v.object({ items: v.array(ApiKeySchema) });
export type ApiKeyList = v.InferOutput<typeof ApiKeyListSchema>;
