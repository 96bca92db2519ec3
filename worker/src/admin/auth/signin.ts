import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Context } from 'hono';
import { partnerOrgs, sessions, users } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import { uuidv7 } from '../../lib/ids.js';
import { problem } from '../../lib/problem.js';
import { auditInsert } from '../../audit/log.js';
import type { AdminEnv } from '../env.js';
import { createSession, findSession, readSessionCookie, setSessionCookie, type SessionRow } from '../sessions.js';
import type { SignedIn } from '../../../../sdk/src/admin/auth.js';
import { findUserBySignInName } from './login-code.js';
import { hashPassword, verifyPassword } from './password.js';
import { auditTenantOf, userView, type UserRow } from './view.js';

type Ctx = Context<AdminEnv>;

/**
 * A well-formed PHC string at the current parameters that matches no password: an unknown
 * login code costs the same one hash as a known one, so timing tells nothing.
 */
export const DUMMY_PHC = '$argon2id$v=19$m=19456,t=2,p=1$iaXyy5VIHulYTIAKiHMNFw$fysFt6nlcvPciOs6Iedc9UwO9yxWfrtmKhOQoBvIgm8';

/** Whether a user may sign in at all: not disabled; a partner's organisation still active. */
async function usable(db: Db, user: UserRow): Promise<boolean> {
  if (user.disabledAt !== null) return false;
  if (user.role !== 'partner') return true;
  if (!user.partnerOrgId) return false;
  const [org] = await db.select({ disabledAt: partnerOrgs.disabledAt }).from(partnerOrgs).where(eq(partnerOrgs.id, user.partnerOrgId)).limit(1);
  return !!org && org.disabledAt === null;
}

/**
 * The user a login code and password belong to, or null. Always spends exactly one argon2id
 * hash; a correct password stored at old parameters is re-hashed at the current ones.
 */
export async function checkCredentials(db: Db, loginCode: string, password: string): Promise<UserRow | null> {
  const user = await findUserBySignInName(db, loginCode);
  const result = await verifyPassword(password, user?.passwordHash ?? DUMMY_PHC);
  if (!user || !result.ok || !(await usable(db, user))) return null;
  if (result.rehash) {
    const passwordHash = await hashPassword(password);
    await db.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    return { ...user, passwordHash };
  }
  return user;
}

/** The password check for a signed-in user (password change, TOTP disable). */
export async function checkOwnPassword(db: Db, userId: string, password: string): Promise<boolean> {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  return !!user && (await verifyPassword(password, user.passwordHash)).ok;
}

/**
 * Ends the sign-in: records the login (and `extra` user changes, e.g. TOTP enrolment) with its
 * audit rows in one batch, revokes the `mfa` session if there was one, sets a `full` session cookie.
 */
export async function finishSignIn(
  c: Ctx,
  user: UserRow,
  o: { mfaSession?: SessionRow; extra?: Partial<UserRow>; extraAudit?: { action: string; fields: string[] }[] } = {},
): Promise<SignedIn> {
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const actor = { actorType: 'user' as const, actorId: user.id, entityType: 'user', entityId: user.id };
  const entries = [...(o.extraAudit ?? []), { action: 'user.signed_in', fields: [] }].map((e) => ({ id: uuidv7(now), at: now, ...actor, ...e }));
  await c.var.audit.withAppend(auditTenantOf(user.tenantId), entries, (rows) =>
    db.batch([
      db.update(users).set({ ...o.extra, lastLoginAt: now }).where(eq(users.id, user.id)),
      db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, o.mfaSession?.id ?? ''), isNull(sessions.revokedAt))),
      auditInsert(db, rows),
    ]),
  );
  const { token } = await createSession(db, { userId: user.id, tenantId: user.tenantId, stage: 'full', now, ip: c.var.ip });
  setSessionCookie(c, token);
  return { stage: 'done', user: await userView(db, { ...user, ...o.extra, lastLoginAt: now }) };
}

/** Starts the second step: an `mfa` session that can only send or enrol a TOTP code. */
export async function startMfa(c: Ctx, user: UserRow) {
  const { token } = await createSession(c.var.deps.db, { userId: user.id, tenantId: user.tenantId, stage: 'mfa', now: c.var.deps.clock.now(), ip: c.var.ip });
  setSessionCookie(c, token);
}

/** The live `mfa` session of this request and its user, or the 401 to answer. */
export async function mfaSessionOf(c: Ctx): Promise<{ session: SessionRow; user: UserRow } | { refusal: Response }> {
  const { db, clock } = c.var.deps;
  const token = readSessionCookie(c);
  const found = token ? await findSession(db, token, clock.now()) : null;
  if (!found?.ok || found.session.stage !== 'mfa') {
    return { refusal: problem(found && !found.ok && found.reason === 'expired' ? 'session_expired' : 'unauthorized', { detail: 'Sign in with your login code and password first.' }) };
  }
  const [user] = await db.select().from(users).where(eq(users.id, found.session.userId)).limit(1);
  if (!user || !(await usable(db, user))) return { refusal: problem('session_expired') };
  return { session: found.session, user };
}

/**
 * Records `step` as the last TOTP step used, only if it is newer than the stored one: of two
 * concurrent requests with the same code, one wins. False when the step was already used.
 */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}
