import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { ms } from './ms.js';
import { partnerOrgs } from './admin.js';
import { consentTexts, tenants } from './tenants.js';

/** What consumers submit: the subject (R2), product, case, consent evidence (R5), idempotency records, and staff notes on cases. */

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
  (t) => [
    index('subjects_tenant_email').on(t.tenantId, t.email),
    index('subjects_tenant_postcode').on(t.tenantId, t.postcode),
    index('subjects_tenant_last_name').on(t.tenantId, t.lastName),
    index('subjects_tenant_phone').on(t.tenantId, t.phone),
  ],
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
  (t) => [index('products_tenant_subject').on(t.tenantId, t.subjectId), index('products_tenant_serial').on(t.tenantId, t.serialNumber), index('products_tenant_purchase').on(t.tenantId, t.purchaseDate)],
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
    /** The partner organisation the case is assigned to (R22), if any. */
    assignedOrgId: text('assigned_org_id').references(() => partnerOrgs.id),
    /** When the case reached a final status (retention counts from here). */
    closedAt: ms('closed_at'),
    /** R12: a case's own retention end (e.g. a known warranty end); overrides the policy when set. */
    retentionUntil: ms('retention_until'),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('cases_tenant_reference').on(t.tenantId, t.reference),
    index('cases_tenant_created').on(t.tenantId, t.createdAt, t.id),
    index('cases_tenant_updated').on(t.tenantId, t.updatedAt, t.id),
    index('cases_tenant_org_created').on(t.tenantId, t.assignedOrgId, t.createdAt, t.id),
    index('cases_tenant_kind_status_created').on(t.tenantId, t.kind, t.status, t.createdAt, t.id),
    index('cases_tenant_subject').on(t.tenantId, t.subjectId),
    index('cases_tenant_kind_closed').on(t.tenantId, t.kind, t.closedAt),
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

/** Internal notes on a case; partners see only those marked shared. */
export const caseNotes = sqliteTable(
  'case_notes',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    caseId: text('case_id').notNull().references(() => cases.id),
    authorId: text('author_id').notNull(),
    body: text('body').notNull(),
    shared: integer('shared', { mode: 'boolean' }).notNull().default(false),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [index('case_notes_case').on(t.tenantId, t.caseId, t.createdAt)],
);
