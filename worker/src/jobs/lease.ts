import { and, eq, lte } from 'drizzle-orm';
import { jobLeases } from '../db/schema.js';
import type { Db } from '../db/types.js';

/**
 * Leases in `job_leases`: one row per name. Taking one is ONE statement (an upsert that only
 * overwrites an expired row), so two hosts or two runs racing for it
 * cannot both win, on libSQL and D1 alike. A holder that dies simply lets its lease expire.
 */

/**
 * Takes `name` for `holder` until `now + ttlMs` if it is free or expired. True when taken.
 * Not re-entrant: a live lease is refused even to its own holder, so use one holder per run.
 */
export async function acquireLease(db: Db, name: string, holder: string, now: number, ttlMs: number): Promise<boolean> {
  const rows = await db
    .insert(jobLeases)
    .values({ name, holder, expiresAt: now + ttlMs })
    .onConflictDoUpdate({
      target: jobLeases.name,
      set: { holder, expiresAt: now + ttlMs },
      setWhere: lte(jobLeases.expiresAt, now),
    })
    .returning({ holder: jobLeases.holder });
  return rows.length === 1 && rows[0]!.holder === holder;
}

/**
 * Moves the end of `holder`'s lease to `expiresAt` (extend while working, or set when the job
 * is next due). False when the lease is no longer ours (it expired and someone else took it):
 * the caller must stop.
 */
export async function setLeaseExpiry(db: Db, name: string, holder: string, expiresAt: number): Promise<boolean> {
  const rows = await db
    .update(jobLeases)
    .set({ expiresAt })
    .where(and(eq(jobLeases.name, name), eq(jobLeases.holder, holder)))
    .returning({ name: jobLeases.name });
  return rows.length === 1;
}

/** Gives the lease up (only if still ours). */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.delete(jobLeases).where(and(eq(jobLeases.name, name), eq(jobLeases.holder, holder)));
}

/** A holder name unique to this process/isolate and call. */
export const newHolder = (prefix: string) => `${prefix}:${crypto.randomUUID()}`;
