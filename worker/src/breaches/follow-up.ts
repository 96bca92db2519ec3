import { and, eq, isNotNull } from 'drizzle-orm';
import { breachTenants } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { auditInsert, type AuditWriter } from '../audit/log.js';
import { uuidv7 } from '../lib/ids.js';

/**
 * R18: a tenant's own follow-up of a breach it was notified of (reported to the authority or
 * not, when, why), with its audit entry on the tenant's chain in the same batch. The entry names
 * the fields, never the note.
 */
export async function recordFollowUp(
  db: Db,
  audit: AuditWriter,
  o: { tenantId: string; breachId: string; actor: { actorType: 'user' | 'api_key'; actorId: string }; reportedToAuthority: boolean; reportedAt: number | null; note: string; now: number },
) {
  const entry = { id: uuidv7(o.now), at: o.now, ...o.actor, action: 'breach.follow_up', entityType: 'breach', entityId: o.breachId, fields: ['reportedToAuthority', 'reportedAt', 'note'] };
  await audit.withAppend(o.tenantId, [entry], (rows) =>
    db.batch([
      db
        .update(breachTenants)
        .set({ reportedToAuthority: o.reportedToAuthority, reportedAt: o.reportedAt, followUpNote: o.note, followUpBy: o.actor.actorId, followUpAt: o.now })
        .where(and(eq(breachTenants.breachId, o.breachId), eq(breachTenants.tenantId, o.tenantId), isNotNull(breachTenants.notifiedAt))),
      auditInsert(db, rows),
    ]),
  );
}
