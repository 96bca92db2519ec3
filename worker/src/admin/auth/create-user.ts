import { and, eq, isNull } from 'drizzle-orm';
import * as v from 'valibot';
import { partnerOrgs, tenants, users } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import { randomString, uuidv7 } from '../../lib/ids.js';
import { auditInsert, type AuditWriter } from '../../audit/log.js';
import type { AuditEntry } from '../../audit/chain.js';
import { LoginCodeSchema } from '../../../../sdk/src/admin/settings.js';
import { ROLES, type Role } from '../../../../sdk/src/admin/roles.js';
import { loginCodeTaken } from '../settings/user-view.js';
import { isLoginCodeViolation } from '../settings/user-write.js';
import { tenantSlugOf, signInNameOf } from './login-code.js';
import { hashPassword } from './password.js';
import { checkPasswordPolicy } from './policy.js';
import { auditTenantOf } from './view.js';

export type NewUserInput = {
  tenantId: string | null;
  role: Role;
  loginCode: string;
  displayName: string;
  password: string;
  partnerOrgId?: string | null;
  locale?: 'nl' | 'en';
};

/** A refusal with a message for a person at a terminal (no values of secrets in it). */
export class UserInputError extends Error {}

/** A generated password: 20 characters from an unambiguous alphabet (~115 bits). */
export const generatePassword = () => randomString('23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ', 20);

/**
 * Creates a user outside the HTTP API (operator CLI, demo setup): the same rules as the users
 * routes — lowercase login code unique in its tenant (or among operators), password policy, operators without a tenant,
 * partners with an active organisation of their tenant — hashed at OWASP parameters, audited.
 */
export async function createUser(db: Db, audit: AuditWriter, now: number, input: NewUserInput, actor: Pick<AuditEntry, 'actorType' | 'actorId'> = { actorType: 'operator', actorId: 'cli' }) {
  const code = v.safeParse(LoginCodeSchema, input.loginCode);
  if (!code.success) throw new UserInputError(`login code: ${code.issues[0].message} (3–64 of a-z 0-9 . _ -)`);
  const loginCode = code.output;
  if (!ROLES.includes(input.role)) throw new UserInputError(`role: one of ${ROLES.join(', ')}`);
  if ((input.role === 'operator') !== (input.tenantId === null)) throw new UserInputError(input.role === 'operator' ? 'an operator belongs to no tenant (leave out --tenant)' : 'a tenant user needs --tenant');
  if (input.tenantId) {
    const [t] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, input.tenantId)).limit(1);
    if (!t) throw new UserInputError(`no tenant with id ${input.tenantId}`);
  }
  const partnerOrgId = input.role === 'partner' ? (input.partnerOrgId ?? null) : null;
  if (input.role === 'partner') {
    const [org] = partnerOrgId
      ? await db.select({ id: partnerOrgs.id }).from(partnerOrgs).where(and(eq(partnerOrgs.id, partnerOrgId), eq(partnerOrgs.tenantId, input.tenantId!), isNull(partnerOrgs.disabledAt))).limit(1)
      : [];
    if (!org) throw new UserInputError('a partner needs an active partner organisation of the tenant');
  }
  const policy = checkPasswordPolicy(input.password, { loginCode });
  if (policy.length > 0) throw new UserInputError(`password: ${policy[0]!.message}`);
  if (await loginCodeTaken(db, input.tenantId, loginCode)) throw new UserInputError(`login code ${loginCode} is already in use`);

  const id = uuidv7(now);
  const row: typeof users.$inferInsert = {
    id, tenantId: input.tenantId, loginCode, displayName: input.displayName.trim() || loginCode, role: input.role, partnerOrgId,
    passwordHash: await hashPassword(input.password), totpSecret: null, totpEnabledAt: null, totpLastStep: null,
    locale: input.locale ?? 'nl', createdAt: now, updatedAt: now, lastLoginAt: null, disabledAt: null,
  };
  const fields = ['loginCode', 'displayName', 'role', ...(partnerOrgId ? ['partnerOrgId'] : []), 'locale', 'password'];
  const entry = { id: uuidv7(now), at: now, ...actor, action: 'user.created', entityType: 'user', entityId: id, fields };
  try {
    await audit.withAppend(auditTenantOf(input.tenantId), [entry], (rows) => db.batch([db.insert(users).values(row), auditInsert(db, rows)]));
  } catch (err) {
    if (isLoginCodeViolation(err)) throw new UserInputError(`login code ${loginCode} is already in use`);
    throw err;
  }
  const signInName = signInNameOf(loginCode, await tenantSlugOf(db, input.tenantId));
  return { id, loginCode, signInName, tenantId: input.tenantId, role: input.role };
}
