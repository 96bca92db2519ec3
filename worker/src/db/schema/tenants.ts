import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { ms } from './ms.js';

/** Tenants, their publishable keys and allowed origins, and their consent texts (R5). */

export const tenants = sqliteTable(
  'tenants',
  {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /**
   * R15: unique, URL-safe handle (`a-z 0-9 -`, derived from the name at creation). Users of the
   * tenant sign in as `<login code>@<slug>`, so login codes need only be unique per tenant.
   */
  slug: text('slug').notNull(),
  privacyUrl: text('privacy_url').notNull(),
  /** JSON array of enabled case kinds. */
  kinds: text('kinds', { mode: 'json' }).$type<string[]>().notNull(),
  /** JSON array of locales the forms offer. */
  locales: text('locales', { mode: 'json' }).$type<string[]>().notNull(),
  defaultLocale: text('default_locale').notNull(),
  /** JSON object of theme tokens (`--aftercare-<name>` → CSS value). */
  theme: text('theme', { mode: 'json' }).$type<Record<string, string>>().notNull(),
  /** R13: owners of this tenant must sign in with a TOTP second factor. */
  requireTotpForOwners: integer('require_totp_for_owners', { mode: 'boolean' }).notNull().default(false),
  /** R16: the controller's contact (JSON: name, address, email, phone) and its DPO (JSON: name, email, phone), for the art. 30 register. */
  contact: text('contact', { mode: 'json' }).$type<Record<string, string>>(),
  dpo: text('dpo', { mode: 'json' }).$type<Record<string, string>>(),
  /** Webhooks: endpoint, signing secret (HMAC-SHA256), and whether payloads may carry personal data (opt-in). */
  webhookUrl: text('webhook_url'),
  webhookSecret: text('webhook_secret'),
  webhookPersonalData: integer('webhook_personal_data', { mode: 'boolean' }).notNull().default(false),
  createdAt: ms('created_at').notNull(),
  updatedAt: ms('updated_at').notNull(),
  },
  (t) => [uniqueIndex('tenants_slug').on(t.slug)],
);

export const publishableKeys = sqliteTable(
  'publishable_keys',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    key: text('key').notNull(),
    createdAt: ms('created_at').notNull(),
    revokedAt: ms('revoked_at'),
  },
  (t) => [uniqueIndex('publishable_keys_key').on(t.key), index('publishable_keys_tenant').on(t.tenantId)],
);

/** Origins a publishable key may be used from: scheme://host[:port], exact match. */
export const keyOrigins = sqliteTable(
  'key_origins',
  {
    keyId: text('key_id').notNull().references(() => publishableKeys.id),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    origin: text('origin').notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.origin] }), index('key_origins_origin').on(t.origin)],
);

/** R5: versioned consent texts; an edit is a new version, old ones stay as evidence. */
export const consentTexts = sqliteTable(
  'consent_texts',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    locale: text('locale').notNull(),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    /** SHA-256 (hex) of `text`, UTF-8. */
    sha256: text('sha256').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [uniqueIndex('consent_texts_version').on(t.tenantId, t.locale, t.version)],
);
