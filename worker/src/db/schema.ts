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

/** R22: a tenant's partner organisation; its type decides which case fields its users see. */
export const partnerOrgs = sqliteTable(
  'partner_orgs',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    name: text('name').notNull(),
    /** `technician` | `repair_centre` | `carrier` */
    type: text('type').notNull(),
    createdAt: ms('created_at').notNull(),
    disabledAt: ms('disabled_at'),
  },
  (t) => [index('partner_orgs_tenant').on(t.tenantId)],
);

/**
 * R13: people who sign in to the admin page. `tenant_id` is null only for platform operators.
 * `login_code` is unique across the platform (the login form does not ask for a tenant).
 */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').references(() => tenants.id),
    loginCode: text('login_code').notNull(),
    displayName: text('display_name').notNull(),
    /** `owner` | `staff` | `auditor` | `partner` | `operator` */
    role: text('role').notNull(),
    partnerOrgId: text('partner_org_id').references(() => partnerOrgs.id),
    /** PHC string, e.g. `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`. */
    passwordHash: text('password_hash').notNull(),
    /** Base32 TOTP secret (RFC 6238); set during enrolment, active once `totp_enabled_at` is set. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: ms('totp_enabled_at'),
    /** Last TOTP time step accepted: a code is never accepted twice. */
    totpLastStep: integer('totp_last_step'),
    locale: text('locale').notNull().default('nl'),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    lastLoginAt: ms('last_login_at'),
    disabledAt: ms('disabled_at'),
  },
  (t) => [uniqueIndex('users_login_code').on(t.loginCode), index('users_tenant').on(t.tenantId)],
);

/**
 * R13: server-side admin sessions. The cookie holds a random token; only its SHA-256 is stored.
 * `stage` is `mfa` between a correct password and a correct TOTP code, then `full`.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    userId: text('user_id').notNull().references(() => users.id),
    tenantId: text('tenant_id'),
    stage: text('stage').notNull(),
    createdAt: ms('created_at').notNull(),
    lastSeenAt: ms('last_seen_at').notNull(),
    /** Absolute end (12 h after sign-in); idle end is `last_seen_at` + 30 min. */
    expiresAt: ms('expires_at').notNull(),
    revokedAt: ms('revoked_at'),
    ip: text('ip').notNull(),
  },
  (t) => [uniqueIndex('sessions_token').on(t.tokenHash), index('sessions_user').on(t.userId)],
);

/** R13: secret API keys (`sk_…`) for server-to-server use; only a hash is stored. */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    name: text('name').notNull(),
    /** First characters of the key, shown in lists so a person can tell keys apart. */
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    role: text('role').notNull(),
    partnerOrgId: text('partner_org_id').references(() => partnerOrgs.id),
    createdBy: text('created_by').notNull(),
    createdAt: ms('created_at').notNull(),
    lastUsedAt: ms('last_used_at'),
    revokedAt: ms('revoked_at'),
  },
  (t) => [uniqueIndex('api_keys_secret').on(t.secretHash), index('api_keys_tenant').on(t.tenantId)],
);

/** R13: failed sign-in counters per account (`acct:<login code>`) and per IP (`ip:<address>`). */
export const authThrottle = sqliteTable('auth_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: ms('last_failure_at').notNull(),
  lockedUntil: ms('locked_until').notNull(),
});

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

/**
 * R7/R8: every export or print of personal data, written before the data leaves.
 * Append-only (triggers in migration 0003).
 */
export const exportLog = sqliteTable(
  'export_log',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    at: ms('at').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id').notNull(),
    ip: text('ip').notNull(),
    /** `cases_csv` | `cases_json` | `cases_print` | `subject_access` | `export_log_csv` | … */
    kind: text('kind').notNull(),
    /** JSON of the filter that chose the rows. */
    filter: text('filter').notNull(),
    rowCount: integer('row_count').notNull(),
  },
  (t) => [index('export_log_tenant_at').on(t.tenantId, t.at)],
);

/** Which subjects an export included (R11: a subject-access export lists the exports of them). */
export const exportSubjects = sqliteTable(
  'export_subjects',
  {
    exportId: text('export_id').notNull().references(() => exportLog.id),
    tenantId: text('tenant_id').notNull(),
    subjectId: text('subject_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.exportId, t.subjectId] }), index('export_subjects_subject').on(t.tenantId, t.subjectId)],
);

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

/** R17: signed checkpoints (JWS, operator key) of a tenant's audit chain head. */
export const auditCheckpoints = sqliteTable(
  'audit_checkpoints',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    seq: integer('seq').notNull(),
    entryHash: text('entry_hash').notNull(),
    at: ms('at').notNull(),
    /** Compact JWS over { tenantId, seq, hash, at }. */
    jws: text('jws').notNull(),
  },
  (t) => [uniqueIndex('audit_checkpoints_tenant_seq').on(t.tenantId, t.seq)],
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
