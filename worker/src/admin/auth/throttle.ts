import { and, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { authThrottle } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import { ipBucket } from '../../lib/ip-bucket.js';

/**
 * R13 brute-force brake: attempts counted in `auth_throttle` per IP (`ip:<address>`, IPv6 per
 * /64), per account (`acct:<login code>`), per account and source (`acct-ip:<bucket> <login
 * code>`) and per second factor (`totp:<user id>`). The first `free` attempts of a key cost
 * nothing; each later one locks the key for 2^(n − free) seconds, capped.
 *
 * An attempt is counted *before* its password or code is checked, by `claimAttempt`: one
 * INSERT … ON CONFLICT DO UPDATE … RETURNING that refuses (counts nothing) while the key is
 * locked, and otherwise raises the count and sets the lock the new count earns, so concurrent
 * attempts see it at once (SQLite and D1 run it atomically). A right password resets the
 * account counters; its IP count is taken back (`releaseAttempt`), never reset. Counters decay:
 * an attempt more than `WINDOW_MS` after the previous one starts again from 1. How the keys
 * combine for a password is in password-attempt.ts (README: "Sign-in").
 */
export type ThrottlePolicy = { free: number; capSeconds: number };

export const ACCOUNT: ThrottlePolicy = { free: 5, capSeconds: 15 * 60 };
/** Looser: an office or a carrier's depot shares one address. */
export const IP: ThrottlePolicy = { free: 30, capSeconds: 15 * 60 };
export const WINDOW_MS = 24 * 60 * 60 * 1000;
/**
 * Once an account's own budget is spent, its lock only holds sources that have failed on it at
 * least this often; another source still gets this many tries (the owner from home, say).
 */
export const SOURCE_FREE = 3;

export const accountKey = (loginCode: string) => `acct:${loginCode.toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ipBucket(ip)}`;

export const totpKey = (userId: string) => `totp:${userId}`;
/** One source's attempts on one account (the bucket first: it never holds a space). */
export const accountSourceKey = (loginCode: string, ip: string) => `acct-ip:${ipBucket(ip)} ${loginCode.toLowerCase()}`;

/** Seconds to wait after `failures` failures (0 while free). */
export function lockSeconds(failures: number, p: ThrottlePolicy): number {
  if (failures < p.free) return 0;
  return Math.min(2 ** (failures - p.free), p.capSeconds);
}

/** Whole seconds until every one of `keys` is unlocked (0 when none is locked). */
export async function retryAfter(db: Db, keys: string[], now: number): Promise<number> {
  const rows = await db.select({ lockedUntil: authThrottle.lockedUntil }).from(authThrottle).where(inArray(authThrottle.key, keys));
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil));
  return until > now ? Math.ceil((until - now) / 1000) : 0;
}

/** `lockSeconds(n, p) * 1000` in SQL, for a count that only exists inside the statement. */
function lockMsSql(n: SQL, p: ThrottlePolicy): SQL {
  return sql`(CASE WHEN ${n} < ${p.free} THEN 0 WHEN ${n} - ${p.free} >= 30 THEN ${p.capSeconds * 1000} ELSE min(1 << (${n} - ${p.free}), ${p.capSeconds}) * 1000 END)`;
}

export type Claim = { ok: true; attempts: number } | { ok: false; retryAfter: number };

/**
 * Counts one attempt against `key` before it is checked, atomically (see the module comment).
 * Refused while `key` is locked, unless `force`: then it is counted (and extends the lock)
 * all the same. On refusal, `retryAfter` is the whole seconds the lock still holds.
 */
export async function claimAttempt(db: Db, key: string, policy: ThrottlePolicy, now: number, o: { force?: boolean } = {}): Promise<Claim> {
  const t = authThrottle;
  const next = sql`(CASE WHEN ${t.lastFailureAt} < ${now - WINDOW_MS} THEN 1 ELSE ${t.failures} + 1 END)`;
  const first = lockSeconds(1, policy);
  const rows = await db
    .insert(t)
    .values({ key, failures: 1, lastFailureAt: now, lockedUntil: first > 0 ? now + first * 1000 : 0 })
    .onConflictDoUpdate({
      target: t.key,
      set: { failures: next, lastFailureAt: now, lockedUntil: sql`max(${t.lockedUntil}, ${now} + ${lockMsSql(next, policy)})` },
      // A false WHERE leaves the row as it is and RETURNING yields nothing: refused.
      ...(o.force ? {} : { setWhere: sql`${t.lockedUntil} <= ${now}` }),
    })
    .returning({ failures: t.failures });
  // Now and then, forget counters nobody has touched for a day (sprayed unknown login codes).
  if (Math.random() < 0.01) await db.delete(t).where(and(lt(t.lastFailureAt, now - WINDOW_MS), lt(t.lockedUntil, now)));
  if (rows.length === 1) return { ok: true, attempts: rows[0]!.failures };
  return { ok: false, retryAfter: Math.max(1, await retryAfter(db, [key], now)) };
}

/** Takes back one claimed attempt that was not a failure (never below 0; a lock it set stays). */
export async function releaseAttempt(db: Db, key: string): Promise<void> {
  await db.update(authThrottle).set({ failures: sql`max(${authThrottle.failures} - 1, 0)` }).where(eq(authThrottle.key, key));
}

export async function resetThrottle(db: Db, key: string): Promise<void> {
  await db.delete(authThrottle).where(eq(authThrottle.key, key));
}
