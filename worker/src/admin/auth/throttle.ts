import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { authThrottle } from '../../db/schema.js';
import type { Db } from '../../db/types.js';

/**
 * R13 brute-force brake: failed sign-ins counted per account (`acct:<login code>`), per IP
 * (`ip:<address>`) and per second factor (`totp:<user id>`) in `auth_throttle`. The first
 * `free` failures cost nothing; each later one locks the key for 2^(n − free) seconds, capped.
 * While a key is locked the password is not even checked (429 + Retry-After). Counters
 * decay: a failure more than `WINDOW_MS` after the previous one starts again from 1.
 * A correct password resets its account counter, never the IP one.
 */
export type ThrottlePolicy = { free: number; capSeconds: number };

export const ACCOUNT: ThrottlePolicy = { free: 5, capSeconds: 15 * 60 };
/** Looser: an office or a carrier's depot shares one address. */
export const IP: ThrottlePolicy = { free: 30, capSeconds: 15 * 60 };
export const WINDOW_MS = 24 * 60 * 60 * 1000;

export const accountKey = (loginCode: string) => `acct:${loginCode.toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ipBucket(ip)}`;

import { ipBucket } from '../../lib/ip-bucket.js';
export { ipBucket };
export const totpKey = (userId: string) => `totp:${userId}`;

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

/** Counts one failure against `key` (atomically: concurrent failures all count). */
export async function recordFailure(db: Db, key: string, policy: ThrottlePolicy, now: number): Promise<void> {
  const [row] = await db
    .insert(authThrottle)
    .values({ key, failures: 1, lastFailureAt: now, lockedUntil: 0 })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        failures: sql`CASE WHEN ${authThrottle.lastFailureAt} < ${now - WINDOW_MS} THEN 1 ELSE ${authThrottle.failures} + 1 END`,
        lastFailureAt: now,
      },
    })
    .returning({ failures: authThrottle.failures });
  const seconds = lockSeconds(row!.failures, policy);
  if (seconds > 0) {
    await db.update(authThrottle).set({ lockedUntil: sql`max(${authThrottle.lockedUntil}, ${now + seconds * 1000})` }).where(eq(authThrottle.key, key));
  }
  // Now and then, forget counters nobody has touched for a day (sprayed unknown login codes).
  if (Math.random() < 0.01) await db.delete(authThrottle).where(and(lt(authThrottle.lastFailureAt, now - WINDOW_MS), lt(authThrottle.lockedUntil, now)));
}

export async function resetThrottle(db: Db, key: string): Promise<void> {
  await db.delete(authThrottle).where(eq(authThrottle.key, key));
}
