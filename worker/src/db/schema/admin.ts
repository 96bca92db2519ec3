import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { ms } from './ms.js';
import { tenants } from './tenants.js';

/** Who works in the admin page (R13, R15, R22): partner organisations, users, sessions, sk_ keys, sign-in throttling. */

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
 * `login_code` is unique per tenant (users sign in as `<code>@<tenant slug>`, so one tenant's
 * codes tell nothing about another's), and among operators (who sign in with the plain code).
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
  (t) => [
    uniqueIndex('users_tenant_login_code').on(t.tenantId, t.loginCode),
    // NULLs are distinct in a unique index: operators (no tenant) need their own.
    uniqueIndex('users_operator_login_code').on(t.loginCode).where(sql`tenant_id IS NULL`),
    index('users_tenant').on(t.tenantId),
  ],
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
    /** The user (or, for a key minted with a key, the API key) that created it: the key never acts above that creator's current role. */
    createdBy: text('created_by').notNull(),
    createdAt: ms('created_at').notNull(),
    /** Chosen at creation; null = no expiry. From then on the key answers 401. */
    expiresAt: ms('expires_at'),
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
