import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';

/**
 * The data model. Times are epoch milliseconds (UTC); ids are UUIDv7 text.
 * Personal data (R2) lives only in `subjects` and in the consumer's own free text
 * (`cases.details`); `audit_log` holds ids and field names, never values.
 */

const ms = (name: string) => integer(name, { mode: 'number' });

export const tenants = sqliteTable('tenants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  privacyUrl: text('privacy_url').notNull(),
  /** JSON array of enabled case kinds. */
  kinds: text('kinds', { mode: 'json' }).$type<string[]>().notNull(),
  /** JSON array of locales the forms offer. */
  locales: text('locales', { mode: 'json' }).$type<string[]>().notNull(),
  defaultLocale: text('default_locale').notNull(),
  /** JSON object of theme tokens (`--aftercare-<name>` → CSS value). */
  theme: text('theme', { mode: 'json' }).$type<Record<string, string>>().notNull(),
  createdAt: ms('created_at').notNull(),
  updatedAt: ms('updated_at').notNull(),
});

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

/** The consumer (data subject). R2: these columns and nothing else personal. */
export const subjects = sqliteTable(
  'subjects',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    street: text('street').notNull(),
    houseNumber: text('house_number').notNull(),
    houseNumberAddition: text('house_number_addition'),
    postcode: text('postcode').notNull(),
    city: text('city').notNull(),
    country: text('country').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    anonymizedAt: ms('anonymized_at'),
  },
  (t) => [index('subjects_tenant_email').on(t.tenantId, t.email)],
);

export const products = sqliteTable(
  'products',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    subjectId: text('subject_id').notNull().references(() => subjects.id),
    brand: text('brand').notNull(),
    model: text('model').notNull(),
    serialNumber: text('serial_number'),
    purchaseDate: text('purchase_date').notNull(),
    retailer: text('retailer'),
    proofOfPurchaseRef: text('proof_of_purchase_ref'),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [index('products_tenant_subject').on(t.tenantId, t.subjectId)],
);

export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    /** Short reference a consumer reads out on the phone, unique per tenant. */
    reference: text('reference').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    subjectId: text('subject_id').notNull().references(() => subjects.id),
    productId: text('product_id').notNull().references(() => products.id),
    /** Kind-specific fields (JSON), validated by the sdk's per-kind schema. */
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('cases_tenant_reference').on(t.tenantId, t.reference),
    index('cases_tenant_created').on(t.tenantId, t.createdAt),
  ],
);

/** R5: the evidence of consent given with a case. */
export const consents = sqliteTable(
  'consents',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    caseId: text('case_id').notNull().references(() => cases.id),
    subjectId: text('subject_id').notNull().references(() => subjects.id),
    consentTextId: text('consent_text_id').notNull().references(() => consentTexts.id),
    textHash: text('text_hash').notNull(),
    locale: text('locale').notNull(),
    privacyUrl: text('privacy_url').notNull(),
    givenAt: ms('given_at').notNull(),
    ip: text('ip').notNull(),
    userAgent: text('user_agent').notNull(),
    pageUrl: text('page_url'),
    withdrawnAt: ms('withdrawn_at'),
    withdrawnBy: text('withdrawn_by'),
  },
  (t) => [index('consents_tenant_subject').on(t.tenantId, t.subjectId)],
);

/** Idempotency records: a replay within 24 h gets the stored answer. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    body: text('body').notNull(),
    createdAt: ms('created_at').notNull(),
    expiresAt: ms('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] }), index('idempotency_expires').on(t.expiresAt)],
);

/**
 * R17: append-only audit log, hash-chained per tenant. Triggers (migration 0001) refuse
 * UPDATE and DELETE. `entry_hash` = SHA-256(prev_hash + "\n" + canonical entry).
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    /** `_platform` for operator actions that belong to no tenant. */
    tenantId: text('tenant_id').notNull(),
    seq: integer('seq').notNull(),
    at: ms('at').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** JSON array of field names touched; never values. */
    fields: text('fields').notNull(),
    prevHash: text('prev_hash').notNull(),
    entryHash: text('entry_hash').notNull(),
  },
  (t) => [uniqueIndex('audit_log_tenant_seq').on(t.tenantId, t.seq)],
);
