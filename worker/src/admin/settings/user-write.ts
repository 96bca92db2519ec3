import { and, eq, isNull } from 'drizzle-orm';
import { sessions, users } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import { isUniqueViolation } from '../../db/errors.js';
import { uuidv7 } from '../../lib/ids.js';
import { problem } from '../../lib/problem.js';
import type { TenantRole } from '../../../../sdk/src/admin/roles.js';
import { fieldError } from '../http/body.js';

/**
 * The statement that ends every live session of a user (what `revokeUserSessions` in
 * ../sessions.ts runs), to go in the same batch as the change that requires it.
 */
export const revokeSessionsStatement = (db: Db, userId: string, now: number) =>
  db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));

export type NewUser = { tenantId: string; loginCode: string; displayName: string; role: TenantRole; partnerOrgId: string | null; locale: 'nl' | 'en'; passwordHash: string };

export function newUserRow(u: NewUser, now: number): typeof users.$inferInsert {
  return { id: uuidv7(now), ...u, totpSecret: null, totpEnabledAt: null, totpLastStep: null, createdAt: now, updatedAt: now, lastLoginAt: null, disabledAt: null };
}

/** The audit entry of a new user: field names only. */
export const userCreatedFields = (u: { partnerOrgId: string | null }) => ['loginCode', 'displayName', 'role', ...(u.partnerOrgId ? ['partnerOrgId'] : []), 'locale', 'password'];

/** 409 for a login code another user of the same tenant already uses (other tenants' codes never conflict). */
export const loginCodeConflict = (path = 'loginCode') =>
  problem('conflict', { detail: 'This login code is already in use.', errors: [fieldError(path, 'taken', 'This login code is already in use.')] });

/** The per-tenant index, or the operators' one (see the users table in ../../db/schema/admin.ts). */
export const isLoginCodeViolation = (err: unknown) => isUniqueViolation(err, 'users.tenant_id, users.login_code') || isUniqueViolation(err, 'users.login_code');
