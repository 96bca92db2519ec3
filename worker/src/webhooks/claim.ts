import { and, asc, eq, inArray, isNull, lt, lte, or, type SQL } from 'drizzle-orm';
import { webhookOutbox } from '../db/schema.js';
import type { Db } from '../db/types.js';
import type { OutboxRow } from './envelope.js';

const due = (now: number): SQL => and(isNull(webhookOutbox.deliveredAt), isNull(webhookOutbox.failedAt), lte(webhookOutbox.nextAttemptAt, now))!;

/**
 * Claims up to `limit` due rows for one runner: ONE conditional UPDATE that moves their
 * `next_attempt_at` to `leaseUntil` and returns them. SQLite (libSQL, D1) runs a statement
 * atomically, so a second runner's claim no longer sees them as due: a delivery id is never
 * sent by two runners at once. If this runner dies, the rows are due again at `leaseUntil`
 * (keep it well above the per-attempt timeout). The returned `nextAttemptAt` is the claim
 * token `finish` checks. The outer UPDATE goes by primary key (the subquery already chose due
 * rows, within the same atomic statement).
 */
export function claimQuery(db: Db, now: number, limit: number, leaseUntil: number) {
  const ids = db.select({ id: webhookOutbox.id }).from(webhookOutbox).where(due(now)).orderBy(asc(webhookOutbox.nextAttemptAt)).limit(limit);
  return db.update(webhookOutbox).set({ nextAttemptAt: leaseUntil }).where(inArray(webhookOutbox.id, ids)).returning();
}
export const claimDue = (db: Db, now: number, limit: number, leaseUntil: number): Promise<OutboxRow[]> => claimQuery(db, now, limit, leaseUntil).then((rows) => rows);

export type Outcome =
  | { kind: 'delivered'; status: number }
  | { kind: 'retry'; status: number | null; error: string; nextAttemptAt: number }
  | { kind: 'failed'; status: number | null; error: string; countsAsAttempt: boolean };

/**
 * Records an attempt's outcome, only while the claim is still ours (`next_attempt_at` is the
 * lease we set). False when another runner took the row over after our lease ran out.
 */
export async function finish(db: Db, row: OutboxRow, leaseUntil: number, now: number, o: Outcome): Promise<boolean> {
  const attempts = o.kind === 'failed' && !o.countsAsAttempt ? row.attempts : row.attempts + 1;
  const set =
    o.kind === 'delivered'
      ? { attempts, deliveredAt: now, lastStatus: o.status, lastError: null }
      : o.kind === 'retry'
        ? { attempts, nextAttemptAt: o.nextAttemptAt, lastStatus: o.status, lastError: o.error }
        : { attempts, failedAt: now, lastStatus: o.status, lastError: o.error };
  const done = await db
    .update(webhookOutbox)
    .set(set)
    .where(and(eq(webhookOutbox.id, row.id), eq(webhookOutbox.nextAttemptAt, leaseUntil), isNull(webhookOutbox.deliveredAt), isNull(webhookOutbox.failedAt)))
    .returning({ id: webhookOutbox.id });
  return done.length === 1;
}

/** Deletes up to `limit` rows delivered or failed before `cutoff` (the outbox is a queue, not a log). */
export async function purgeSettled(db: Db, cutoff: number, limit: number): Promise<number> {
  const old = db.select({ id: webhookOutbox.id }).from(webhookOutbox)
    .where(or(lt(webhookOutbox.deliveredAt, cutoff), and(isNull(webhookOutbox.deliveredAt), lt(webhookOutbox.failedAt, cutoff))))
    .limit(limit);
  const gone = await db.delete(webhookOutbox).where(inArray(webhookOutbox.id, old)).returning({ id: webhookOutbox.id });
  return gone.length;
}
