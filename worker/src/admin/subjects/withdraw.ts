import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import type { SubjectConsent } from '../../../../sdk/src/admin/subjects.js';
import { consents } from '../../db/schema.js';
import { auditInsert } from '../../audit/log.js';
import { uuidv7 } from '../../lib/ids.js';
import { problem } from '../../lib/problem.js';
import type { AdminEnv } from '../env.js';
import { actorOf, tenantOf } from '../principal.js';

/**
 * `POST /subjects/:id/consents/:consentId/withdraw` (R6): records when and by whom (the user's
 * or key's id); the evidence itself stays. A second withdrawal is a 409 conflict.
 */
export async function withdrawConsent(c: Context<AdminEnv>) {
  const { db, clock } = c.var.deps;
  const tenantId = tenantOf(c.var.principal);
  const subjectId = c.req.param('id')!;
  const consentId = c.req.param('consentId')!;
  const where = and(eq(consents.tenantId, tenantId), eq(consents.subjectId, subjectId), eq(consents.id, consentId));
  const [row] = await db.select().from(consents).where(where).limit(1);
  if (!row) return problem('not_found');
  if (row.withdrawnAt !== null) return problem('conflict', { detail: 'This consent was already withdrawn.' });

  const now = clock.now();
  const withdrawnBy = c.var.principal.id;
  const entry = { id: uuidv7(now), at: now, ...actorOf(c.var.principal), action: 'consent.withdrawn', entityType: 'consent', entityId: consentId, fields: ['consent.withdrawnAt', 'consent.withdrawnBy'] };
  await c.var.audit.withAppend(tenantId, [entry], (rows) =>
    db.batch([db.update(consents).set({ withdrawnAt: now, withdrawnBy }).where(and(where, isNull(consents.withdrawnAt))), auditInsert(db, rows)]),
  );
  const { tenantId: _t, subjectId: _s, ...consent } = row;
  return c.json<SubjectConsent>({ ...consent, withdrawnAt: now, withdrawnBy });
}
