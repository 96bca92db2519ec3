import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import { chain, GENESIS_HASH } from '../../audit/chain.js';
import { readChain } from '../../audit/log.js';

/**
 * Test helpers: what an attacker with write access to the database FILE can do (dropping the
 * append-only triggers first). Used by the API and CLI tamper tests; never by the app.
 */
export async function changeOneByte(db: Db, tenantId: string, seq: number) {
  await db.run(sql`DROP TRIGGER IF EXISTS audit_log_no_update`);
  const [row] = await db.select().from(auditLog).where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.seq, seq)));
  const changed = row!.entityId.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
  await db.update(auditLog).set({ entityId: changed }).where(eq(auditLog.id, row!.id));
}

export async function removeEntry(db: Db, tenantId: string, seq: number) {
  await db.run(sql`DROP TRIGGER IF EXISTS audit_log_no_delete`);
  await db.delete(auditLog).where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.seq, seq)));
}

/**
 * Rewrites the whole chain from `seq` on consistently: one entry's `action` changed, every hash
 * from there recomputed, so the chain alone verifies. Only a signed checkpoint can tell.
 */
export async function rewriteChain(db: Db, tenantId: string, seq: number, action = 'case.viewed') {
  await db.run(sql`DROP TRIGGER IF EXISTS audit_log_no_update`);
  const entries = await readChain(db, tenantId);
  let prev = seq > 1 ? entries[seq - 2]!.entryHash : GENESIS_HASH;
  for (const e of entries.slice(seq - 1)) {
    const { prevHash: _p, entryHash: _h, ...plain } = e;
    const next = await chain(e.seq === seq ? { ...plain, action } : plain, prev);
    await db.update(auditLog).set({ action: next.action, prevHash: next.prevHash, entryHash: next.entryHash }).where(eq(auditLog.id, e.id));
    prev = next.entryHash;
  }
}
