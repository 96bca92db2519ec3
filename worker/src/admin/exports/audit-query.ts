import { and, desc, eq, lt } from 'drizzle-orm';
import { apiKeys, auditLog, users } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import type { AuditLogEntry } from '../../../../sdk/src/admin/exports.js';
import { actorColumns, actorJoins, iso, logActor } from './log-actors.js';

/** A page of the tenant's audit log by seq, newest first, actors named; `before` is the last seq seen. */
export async function auditLogRows(db: Db, tenantId: string, o: { before: number | null; limit: number }) {
  const j = actorJoins(auditLog.actorType, auditLog.actorId);
  const rows = await db
    .select({
      seq: auditLog.seq, id: auditLog.id, at: auditLog.at, actorType: auditLog.actorType, actorId: auditLog.actorId,
      action: auditLog.action, entityType: auditLog.entityType, entityId: auditLog.entityId, fields: auditLog.fields,
      prevHash: auditLog.prevHash, entryHash: auditLog.entryHash, ...actorColumns,
    })
    .from(auditLog)
    .leftJoin(users, j.user)
    .leftJoin(apiKeys, j.key)
    .where(and(eq(auditLog.tenantId, tenantId), o.before !== null ? lt(auditLog.seq, o.before) : undefined))
    .orderBy(desc(auditLog.seq))
    .limit(o.limit + 1);
  const more = rows.length > o.limit;
  const page = rows.slice(0, o.limit);
  const items: AuditLogEntry[] = page.map((r) => ({
    seq: r.seq, id: r.id, at: iso(r.at), actor: logActor(r), action: r.action, entityType: r.entityType, entityId: r.entityId,
    fields: JSON.parse(r.fields) as string[], prevHash: r.prevHash, entryHash: r.entryHash,
  }));
  return { items, nextCursor: more && page.length ? String(page.at(-1)!.seq) : null };
}
