import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { ms } from './ms.js';
import { tenants } from './tenants.js';

/** The processor's registers (R12, R16, R18, R20, R21), periodic-job leases and the webhook outbox. */

/**
 * R12: retention per tenant and case kind. `basis` says where the term starts:
 * `purchase` (product purchase date; registrations: product lifetime), `warranty_end` (the
 * case's own end date, else purchase + warranty months), `closed` (cases.closed_at), `created`.
 */
export const retentionPolicies = sqliteTable(
  'retention_policies',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    kind: text('kind').notNull(),
    basis: text('basis').notNull(),
    months: integer('months').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kind] })],
);

/** A lease so two runs of a scheduled job (two hosts, or a retry) never work at once. */
export const jobLeases = sqliteTable('job_leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: ms('expires_at').notNull(),
});

/** R16: the processor (platform operator) as it appears in every art. 30 register. One row, id `platform`. */
export const platformProfile = sqliteTable('platform_profile', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** JSON: name, address, email, phone. */
  contact: text('contact', { mode: 'json' }).$type<Record<string, string>>().notNull(),
  dpo: text('dpo', { mode: 'json' }).$type<Record<string, string>>(),
  /** General description of the technical and organisational security measures (art. 32), nl and en. */
  securityMeasures: text('security_measures', { mode: 'json' }).$type<Record<string, string>>().notNull(),
  updatedAt: ms('updated_at').notNull(),
});

/** R21: the operator's sub-processors. `location` is an ISO country code; outside the EEA needs safeguards. */
export const subprocessors = sqliteTable('subprocessors', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  purpose: text('purpose').notNull(),
  location: text('location').notNull(),
  /** Transfer safeguards (e.g. SCCs, adequacy decision) when `location` is outside the EEA. */
  safeguards: text('safeguards'),
  startDate: text('start_date').notNull(),
  createdAt: ms('created_at').notNull(),
  endedAt: ms('ended_at'),
});

/** R21: a tenant owner's objection to a sub-processor. */
export const subprocessorObjections = sqliteTable(
  'subprocessor_objections',
  {
    id: text('id').primaryKey(),
    subprocessorId: text('subprocessor_id').notNull().references(() => subprocessors.id),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    userId: text('user_id').notNull(),
    reason: text('reason').notNull(),
    at: ms('at').notNull(),
  },
  (t) => [index('subprocessor_objections_tenant').on(t.tenantId)],
);

/** R18: the operator's data-breach register. Kept whether or not tenants were notified (art. 33(5)). */
export const breaches = sqliteTable('breaches', {
  id: text('id').primaryKey(),
  discoveredAt: ms('discovered_at').notNull(),
  description: text('description').notNull(),
  /** JSON array of data categories (e.g. `contact`, `address`, `product`). */
  dataCategories: text('data_categories', { mode: 'json' }).$type<string[]>().notNull(),
  approxSubjects: integer('approx_subjects').notNull(),
  consequences: text('consequences').notNull(),
  measures: text('measures').notNull(),
  recordedAt: ms('recorded_at').notNull(),
  recordedBy: text('recorded_by').notNull(),
});

/** R18: one affected tenant of a breach: when it was notified (deadline: discovered + 48 h) and its own follow-up. */
export const breachTenants = sqliteTable(
  'breach_tenants',
  {
    breachId: text('breach_id').notNull().references(() => breaches.id),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    notifiedAt: ms('notified_at'),
    /** The tenant's follow-up: reported to the authority (true/false), when, why (not). */
    reportedToAuthority: integer('reported_to_authority', { mode: 'boolean' }),
    reportedAt: ms('reported_at'),
    followUpNote: text('follow_up_note'),
    followUpBy: text('follow_up_by'),
    followUpAt: ms('follow_up_at'),
  },
  (t) => [primaryKey({ columns: [t.breachId, t.tenantId] }), index('breach_tenants_tenant').on(t.tenantId)],
);

/** In-product notices to a tenant (breach, sub-processor announcement, new agreement version). */
export const notices = sqliteTable(
  'notices',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    /** `breach` | `subprocessor` | `agreement` */
    kind: text('kind').notNull(),
    refId: text('ref_id').notNull(),
    createdAt: ms('created_at').notNull(),
    readAt: ms('read_at'),
    readBy: text('read_by'),
  },
  (t) => [index('notices_tenant').on(t.tenantId, t.createdAt), uniqueIndex('notices_ref').on(t.tenantId, t.kind, t.refId)],
);

/** R20: versions of the processor agreement (verwerkersovereenkomst). */
export const agreements = sqliteTable(
  'agreements',
  {
    id: text('id').primaryKey(),
    version: integer('version').notNull(),
    /** JSON: { nl, en } texts. */
    text: text('text', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    sha256: text('sha256').notNull(),
    publishedAt: ms('published_at').notNull(),
  },
  (t) => [uniqueIndex('agreements_version').on(t.version)],
);

/** R20: a tenant owner's acceptance of an agreement version. */
export const agreementAcceptances = sqliteTable(
  'agreement_acceptances',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    agreementId: text('agreement_id').notNull().references(() => agreements.id),
    userId: text('user_id').notNull(),
    ip: text('ip').notNull(),
    acceptedAt: ms('accepted_at').notNull(),
  },
  (t) => [uniqueIndex('agreement_acceptances_once').on(t.tenantId, t.agreementId)],
);

/**
 * Webhooks: the outbox. A row is written in the same batch as the change it announces;
 * `id` is the delivery id the receiver de-duplicates on.
 */
export const webhookOutbox = sqliteTable(
  'webhook_outbox',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    event: text('event').notNull(),
    payload: text('payload').notNull(),
    createdAt: ms('created_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ms('next_attempt_at').notNull(),
    deliveredAt: ms('delivered_at'),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    /** Given up after the last retry. */
    failedAt: ms('failed_at'),
  },
  (t) => [index('webhook_outbox_due').on(t.deliveredAt, t.failedAt, t.nextAttemptAt), index('webhook_outbox_tenant').on(t.tenantId, t.createdAt)],
);
