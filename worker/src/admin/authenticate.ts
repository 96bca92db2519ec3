import { and, eq, isNull } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { apiKeys, partnerOrgs, users } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { problem } from '../lib/problem.js';
import type { PartnerType, Role } from '../../../sdk/src/admin/roles.js';
import type { AdminEnv } from './env.js';
import type { Principal } from './principal.js';
import { findSession, readSessionCookie } from './sessions.js';
import { keyRights } from './key-rights.js';
import { bearerSecretKey, tokenHash } from './tokens.js';

async function partnerTypeOf(db: Db, orgId: string | null): Promise<PartnerType | null> {
  if (!orgId) return null;
  const [org] = await db.select({ type: partnerOrgs.type, disabledAt: partnerOrgs.disabledAt }).from(partnerOrgs).where(eq(partnerOrgs.id, orgId)).limit(1);
  return org && org.disabledAt === null ? (org.type as PartnerType) : null;
}

/**
 * The principal behind an `sk_` key, or null (unknown, revoked, expired, or its creator can no
 * longer stand behind it: see ./key-rights.ts). Records the key's last use.
 */
async function fromApiKey(db: Db, key: string, now: number): Promise<Principal | null> {
  const [row] = await db.select().from(apiKeys).where(and(eq(apiKeys.secretHash, tokenHash(key)), isNull(apiKeys.revokedAt))).limit(1);
  if (!row) return null;
  const rights = await keyRights(db, row, now);
  if (!rights) return null;
  if (row.lastUsedAt === null || now - row.lastUsedAt >= 60_000) await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id));
  return { type: 'api_key', id: row.id, tenantId: row.tenantId, ...rights, sessionId: null, displayName: row.name, locale: 'en' };
}

/** The principal behind a full session cookie, or why not. */
async function fromSession(db: Db, token: string, now: number): Promise<Principal | 'expired' | null> {
  const found = await findSession(db, token, now);
  if (!found.ok) return found.reason === 'expired' ? 'expired' : null;
  if (found.session.stage !== 'full') return null;
  const [user] = await db.select().from(users).where(eq(users.id, found.session.userId)).limit(1);
  if (!user || user.disabledAt !== null) return 'expired';
  const partnerType = await partnerTypeOf(db, user.partnerOrgId);
  if (user.role === 'partner' && !partnerType) return 'expired';
  return {
    type: 'user', id: user.id, tenantId: user.tenantId, role: user.role as Role, partnerOrgId: user.partnerOrgId, partnerType,
    sessionId: found.session.id, displayName: user.displayName, locale: user.locale === 'en' ? 'en' : 'nl',
  };
}

/**
 * R13/R15: establishes `c.var.principal` from `Authorization: Bearer sk_…` or the session
 * cookie. Tenant scope comes from here only. 401 `unauthorized` / `session_expired` otherwise.
 */
export const authenticate: MiddlewareHandler<AdminEnv> = async (c, next) => {
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const auth = c.req.header('authorization');
  if (auth) {
    const key = bearerSecretKey(auth);
    const principal = key ? await fromApiKey(db, key, now) : null;
    if (!principal) return problem('unauthorized', { detail: 'Use a valid sk_ API key or sign in.' });
    c.set('principal', principal);
    return next();
  }
  const token = readSessionCookie(c);
  const principal = token ? await fromSession(db, token, now) : null;
  if (principal === 'expired') return problem('session_expired');
  if (!principal) return problem('unauthorized', { detail: 'Sign in first.' });
  c.set('principal', principal);
  return next();
};
