import { and, eq, gt } from 'drizzle-orm';
import { idempotencyKeys } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { isUniqueViolation } from '../db/errors.js';

/** Printable ASCII, 1–255 characters (a UUID is the usual choice). */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export type StoredAnswer = { requestHash: string; status: number; body: string };

export async function findAnswer(db: Db, tenantId: string, key: string, now: number): Promise<StoredAnswer | undefined> {
  const [row] = await db
    .select({ requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.status, body: idempotencyKeys.body })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, key), gt(idempotencyKeys.expiresAt, now)))
    .limit(1);
  return row;
}

export const isIdempotencyConflict = (err: unknown) => isUniqueViolation(err, 'idempotency_keys.tenant_id, idempotency_keys.key');

export const isReferenceConflict = (err: unknown) => isUniqueViolation(err, 'cases.tenant_id, cases.reference');

/**
 * Requests under way in this process, per tenant + key: a second one with the same key
 * gets 409 until the first has finished. Across processes the primary key on
 * (tenant_id, key) lets exactly one write win; the other replays its answer.
 */
export class InFlight {
  private keys = new Set<string>();
  enter(id: string): boolean {
    if (this.keys.has(id)) return false;
    this.keys.add(id);
    return true;
  }
  leave(id: string) {
    this.keys.delete(id);
  }
}
