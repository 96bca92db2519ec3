import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import * as v from 'valibot';
import { rectifiedSubject, SUBJECT_FIELDS, type RectifyResult, type SubjectFields } from '../../../../sdk/src/admin/subjects.js';
import { subjects } from '../../db/schema.js';
import { auditInsert } from '../../audit/log.js';
import { uuidv7 } from '../../lib/ids.js';
import { problem } from '../../lib/problem.js';
import type { AdminEnv } from '../env.js';
import { actorOf, tenantOf } from '../principal.js';
import { invalidIssues, readBody } from '../http/body.js';
import { findSubject } from './read.js';

/**
 * `PATCH /subjects/:id` (R9): checks the patch and the resulting subject with the intake's
 * schema, writes only the changed fields, and audits their NAMES in the same batch.
 */
export async function rectify(c: Context<AdminEnv>) {
  const { db, clock } = c.var.deps;
  const tenantId = tenantOf(c.var.principal);
  const id = c.req.param('id')!;
  const current = await findSubject(db, tenantId, id);
  if (!current) return problem('not_found');
  if (current.anonymizedAt !== null) return problem('conflict', { detail: 'This subject has been anonymised; it can no longer be changed.' });
  const body = await readBody(c, v.record(v.string(), v.unknown()));
  if (!body.ok) return body.res;
  const fieldsNow = Object.fromEntries(SUBJECT_FIELDS.map((k) => [k, current[k]])) as SubjectFields;
  const result = rectifiedSubject(fieldsNow, body.data);
  if (!result.ok) return invalidIssues(result.issues);
  if (!result.changed.length) return c.json<RectifyResult>({ subject: current, changed: [] });

  const now = clock.now();
  const set = Object.fromEntries(result.changed.map((k) => [k, result.fields[k]])) as Partial<SubjectFields>;
  const entry = { id: uuidv7(now), at: now, ...actorOf(c.var.principal), action: 'subject.rectified', entityType: 'subject', entityId: id, fields: result.changed.map((k) => `subject.${k}`) };
  await c.var.audit.withAppend(tenantId, [entry], (rows) =>
    db.batch([
      db.update(subjects).set({ ...set, updatedAt: now }).where(and(eq(subjects.tenantId, tenantId), eq(subjects.id, id), isNull(subjects.anonymizedAt))),
      auditInsert(db, rows),
    ]),
  );
  return c.json<RectifyResult>({ subject: { ...current, ...result.fields, updatedAt: now }, changed: result.changed });
}
