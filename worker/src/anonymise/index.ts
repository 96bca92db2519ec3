import { uuidv7 } from '../lib/ids.js';
import type { Db } from '../db/types.js';
import { auditInsert, type AuditWriter } from '../audit/log.js';
import type { AuditEntry } from '../audit/chain.js';
import { checkpointWal, type CheckpointResult } from './checkpoint.js';
import { ERASED_FIELDS, erasureStatements } from './statements.js';
import { loadErasureTarget, type ErasureTarget } from './target.js';

export { ERASED, erasedDetails } from './details.js';
export { truncateIp, browserFamily, pageOrigin } from './evidence.js';
export { checkpointWal, type CheckpointResult } from './checkpoint.js';
export { ERASED_FIELDS, ERASED_REQUEST_HASH, erasureStatements } from './statements.js';
export { loadErasureTarget, type ErasureTarget } from './target.js';

export type Actor = { actorType: AuditEntry['actorType']; actorId: string };

export type AnonymiseOutcome =
  | { ok: true; subjectId: string; anonymizedAt: number; cases: number; products: number; consents: number; notes: number; checkpoint: CheckpointResult }
  | { ok: false; reason: 'not_found' | 'already_anonymised' };

/** The audit entry of one erasure: ids and field names only (R10, R17). */
export function erasureAuditEntry(t: ErasureTarget, actor: Actor, now: number) {
  return { id: uuidv7(now), at: now, ...actor, action: 'subject.anonymised', entityType: 'subject', entityId: t.subjectId, fields: [...ERASED_FIELDS] };
}

/**
 * R10: erases one subject by anonymisation, irreversibly, in ONE `db.batch` with its audit
 * entry, then checkpoints the WAL so no old page image keeps the erased values on disk.
 * A subject of another tenant is `not_found`; a second erasure is `already_anonymised`.
 * The retention job erases many subjects in one batch with `loadErasureTarget`,
 * `erasureStatements` and `erasureAuditEntry`, then calls `checkpointWal` once.
 */
export async function anonymiseSubject(
  db: Db,
  audit: AuditWriter,
  o: { tenantId: string; subjectId: string; actor: Actor; now: number },
): Promise<AnonymiseOutcome> {
  const target = await loadErasureTarget(db, o.tenantId, o.subjectId);
  if (!target) return { ok: false, reason: 'not_found' };
  if (target.anonymizedAt !== null) return { ok: false, reason: 'already_anonymised' };
  await audit.withAppend(o.tenantId, [erasureAuditEntry(target, o.actor, o.now)], (rows) =>
    db.batch([...erasureStatements(db, target, o.now), auditInsert(db, rows)] as unknown as Parameters<Db['batch']>[0]),
  );
  const checkpoint = await checkpointWal(db);
  return {
    ok: true, subjectId: o.subjectId, anonymizedAt: o.now,
    cases: target.cases.length, products: target.products, consents: target.consents.length, notes: target.notes, checkpoint,
  };
}
