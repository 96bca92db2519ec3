import { and, eq, isNull } from 'drizzle-orm';
import { FINAL_STATUSES, nextStatusesFor, type AdminCaseStatus } from '../../../../sdk/src/admin/workflow.js';
import type { CaseKind } from '../../../../sdk/src/schemas/index.js';
import { auditInsert } from '../../audit/log.js';
import { caseNotes, cases, partnerOrgs } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import { uuidv7 } from '../../lib/ids.js';
import { problem } from '../../lib/problem.js';
import type { AuditWriter } from '../../audit/log.js';
import { actorOf, tenantOf, type Principal } from '../principal.js';
import { invalid } from '../http/body.js';
import { Refused } from '../http/refused.js';
import { findCaseRow, type CaseRow } from './query.js';
import { outboxStatement } from '../../webhooks/outbox.js';
import { caseUpdatedData } from '../../webhooks/payloads.js';

type Ctx = { db: Db; audit: AuditWriter; now: number; principal: Principal };

const entry = (x: Ctx, caseId: string, action: string, fields: string[]) => ({
  id: uuidv7(x.now), at: x.now, ...actorOf(x.principal), action, entityType: 'case', entityId: caseId, fields,
});

/**
 * Re-reads the case inside the tenant's append. Checks made here cannot race: appends of a
 * tenant are serialised in this process, and a writer in another process that appended first
 * makes our batch fail on the chain's unique (tenant_id, seq), after which `withAppend` runs this
 * callback again on fresh data (work.test.ts: "two processes …").
 */
async function current(x: Ctx, id: string): Promise<CaseRow> {
  const row = await findCaseRow(x.db, x.principal, id);
  if (!row) throw new Refused(problem('not_found'));
  return row;
}

/** Thrown inside an append when the request changes nothing: no write, no audit entry, 200. */
class Unchanged extends Error {}

/** Runs a write whose checks may refuse it (Refused) or find nothing to change (Unchanged). */
export async function refusable(write: () => Promise<unknown>): Promise<Response | null> {
  try {
    await write();
    return null;
  } catch (err) {
    if (err instanceof Refused) return err.response;
    if (err instanceof Unchanged) return null;
    throw err;
  }
}

/** The workflow move of one case (sdk workflow table), with its audit entry in the same batch. */
export function changeStatus(x: Ctx, id: string, to: AdminCaseStatus) {
  const tenantId = tenantOf(x.principal);
  return x.audit.withAppend(tenantId, [entry(x, id, 'case.status_changed', ['status'])], async (rows) => {
    const row = await current(x, id);
    // A partner gets its own table (sdk/src/admin/workflow.ts): never reject, cancel, close or reopen.
    const allowed = nextStatusesFor(row.kind as CaseKind, row.status, x.principal);
    if (!allowed.includes(to)) {
      const partner = x.principal.role === 'partner';
      const list = allowed.length ? allowed.join(', ') : partner ? 'none for your organisation' : 'none (the case is final)';
      throw new Refused(problem('invalid_transition', {
        detail: `${partner ? `A ${x.principal.partnerType ?? ''} partner cannot move a ${row.kind} case` : `A ${row.kind} case cannot go`} from ${row.status} to ${to}. Allowed next statuses: ${list}.`,
        errors: [{ path: 'status', code: 'invalid_transition', message: `Allowed next statuses: ${list}.` }],
      }));
    }
    const closing = FINAL_STATUSES.includes(to);
    return x.db.batch([
      x.db.update(cases).set({ status: to, updatedAt: x.now, ...(closing ? { closedAt: x.now } : {}) }).where(and(eq(cases.id, id), eq(cases.tenantId, tenantId))),
      auditInsert(x.db, rows),
      outboxStatement(x.db, { tenantId, event: 'case.updated', data: caseUpdatedData({ ...row, status: to }, 'status'), now: x.now }),
    ]);
  });
}

/** Assigns the case to an active partner organisation of the same tenant, or unassigns it (null). */
export function assignCase(x: Ctx, id: string, orgId: string | null) {
  const tenantId = tenantOf(x.principal);
  return x.audit.withAppend(tenantId, [entry(x, id, 'case.assigned', ['assignedOrg'])], async (rows) => {
    const row = await current(x, id);
    if (orgId) {
      const [org] = await x.db.select({ id: partnerOrgs.id }).from(partnerOrgs)
        .where(and(eq(partnerOrgs.id, orgId), eq(partnerOrgs.tenantId, tenantId), isNull(partnerOrgs.disabledAt))).limit(1);
      if (!org) throw new Refused(invalid([{ path: 'organisationId', code: 'invalid_value', message: 'This is not an active partner organisation of this tenant.' }]));
    }
    // Nothing to write: leave the append by throwing (returning would advance the chain's cached head).
    if (row.assignedOrgId === orgId) throw new Unchanged();
    return x.db.batch([
      x.db.update(cases).set({ assignedOrgId: orgId, updatedAt: x.now }).where(and(eq(cases.id, id), eq(cases.tenantId, tenantId))),
      auditInsert(x.db, rows),
      outboxStatement(x.db, { tenantId, event: 'case.updated', data: caseUpdatedData({ ...row, assignedOrgId: orgId }, 'assignment'), now: x.now }),
    ]);
  });
}

/** Adds an internal note (a partner's is always shared) and touches the case's updated time. */
export async function addNote(x: Ctx, id: string, note: { body: string; shared: boolean }) {
  const tenantId = tenantOf(x.principal);
  const noteId = uuidv7(x.now);
  const shared = x.principal.role === 'partner' ? true : note.shared;
  await x.audit.withAppend(tenantId, [entry(x, id, 'case.note_added', ['notes'])], async (rows) => {
    const row = await current(x, id);
    return x.db.batch([
      x.db.insert(caseNotes).values({ id: noteId, tenantId, caseId: id, authorId: x.principal.id, body: note.body, shared, createdAt: x.now }),
      x.db.update(cases).set({ updatedAt: x.now }).where(and(eq(cases.id, id), eq(cases.tenantId, tenantId))),
      auditInsert(x.db, rows),
      outboxStatement(x.db, { tenantId, event: 'case.updated', data: caseUpdatedData(row, 'note', { noteId }), now: x.now }),
    ]);
  });
  return { id: noteId, body: note.body, shared, createdAt: new Date(x.now).toISOString(), author: { id: x.principal.id, name: x.principal.displayName } };
}
