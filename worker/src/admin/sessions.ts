import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { sessions } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { uuidv7 } from '../lib/ids.js';
import { sessionToken, tokenHash } from './tokens.js';

/** R13: idle timeout 30 min, absolute 12 h. */
export const IDLE_MS = 30 * 60 * 1000;
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Between a correct password and the TOTP code. */
export const MFA_STAGE_MS = 5 * 60 * 1000;

export type SessionStage = 'mfa' | 'full';
export type SessionRow = typeof sessions.$inferSelect;

/** Plain http only on localhost (development); everywhere else the cookie is `__Host-` and Secure. */
export function isLocalHttp(c: Context): boolean {
  const url = new URL(c.req.url);
  return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]');
}

/** The cookie is `__Host-aftercare_session` (hono adds the prefix), `aftercare_session` on local http. */
const COOKIE = 'aftercare_session';

export function setSessionCookie(c: Context, token: string) {
  const local = isLocalHttp(c);
  setCookie(c, COOKIE, token, {
    path: '/',
    httpOnly: true,
    secure: !local,
    sameSite: 'Strict',
    ...(local ? {} : { prefix: 'host' as const }),
  });
}

export function clearSessionCookie(c: Context) {
  const local = isLocalHttp(c);
  deleteCookie(c, COOKIE, { path: '/', secure: !local, ...(local ? {} : { prefix: 'host' as const }) });
}

export function readSessionCookie(c: Context): string | undefined {
  return isLocalHttp(c) ? getCookie(c, COOKIE) : getCookie(c, COOKIE, 'host');
}

/** Creates a server-side session; returns the token for the cookie. */
export async function createSession(db: Db, opts: { userId: string; tenantId: string | null; stage: SessionStage; now: number; ip: string }) {
  const token = sessionToken();
  const row: SessionRow = {
    id: uuidv7(opts.now),
    tokenHash: tokenHash(token),
    userId: opts.userId,
    tenantId: opts.tenantId,
    stage: opts.stage,
    createdAt: opts.now,
    lastSeenAt: opts.now,
    expiresAt: opts.now + (opts.stage === 'mfa' ? MFA_STAGE_MS : ABSOLUTE_MS),
    revokedAt: null,
    ip: opts.ip,
  };
  await db.insert(sessions).values(row);
  return { token, session: row };
}

/** The live session for a token, or why there is none. Touches `last_seen_at`. */
export async function findSession(db: Db, token: string, now: number): Promise<{ ok: true; session: SessionRow } | { ok: false; reason: 'unknown' | 'expired' }> {
  const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash(token))).limit(1);
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.revokedAt !== null) return { ok: false, reason: 'expired' };
  if (now >= row.expiresAt || now - row.lastSeenAt >= IDLE_MS) return { ok: false, reason: 'expired' };
  // Cheap: only write when a minute has passed, so a page's burst of requests writes once.
  if (now - row.lastSeenAt >= 60_000) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.id));
  return { ok: true, session: row };
}

export async function revokeSession(db: Db, sessionId: string, now: number) {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Ends every session of a user (password change, disable, role change). */
export async function revokeUserSessions(db: Db, userId: string, now: number) {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
