import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Context } from 'hono';
import type { SubjectAccessExport, SubjectNote } from '../../../../sdk/src/admin/subjects.js';
import { caseNotes, consentTexts, exportLog, exportSubjects } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import { problem } from '../../lib/problem.js';
import type { AdminEnv } from '../env.js';
import { tenantOf } from '../principal.js';
import { recordExport } from '../exports/record.js';
import { findSubject, subjectRecords } from './read.js';

/**
 * `GET /subjects/:id/export` (R11): everything held about one subject as one JSON document,
 * as a download. Logged as a `subject_access` export (R7) BEFORE anything is read for it.
 */
export async function accessExport(c: Context<AdminEnv>) {
  const { db, clock } = c.var.deps;
  const principal = c.var.principal;
  const tenantId = tenantOf(principal);
  const id = c.req.param('id')!;
  const found = await findSubject(db, tenantId, id);
  if (!found) return problem('not_found');
  const now = clock.now();
  const exportId = await recordExport(db, { principal, tenantId, ip: c.var.ip, kind: 'subject_access', filter: { subjectId: id }, rowCount: 1, subjectIds: [id], now });

  const doc = await accessDocument(db, tenantId, id, exportId, now);
  if (!doc) return problem('not_found');
  return c.body(JSON.stringify(doc, null, 2), 200, {
    'content-type': 'application/json; charset=utf-8',
    'content-disposition': `attachment; filename="subject-${encodeURIComponent(id)}.json"`,
  });
}

/** Builds the R11 document: subject, cases with details and notes, products, consents with their words, exports. */
export async function accessDocument(db: Db, tenantId: string, id: string, exportId: string, now: number): Promise<SubjectAccessExport | null> {
  const subject = await findSubject(db, tenantId, id);
  if (!subject) return null;
  const records = await subjectRecords(db, tenantId, id);
  const caseIds = records.cases.map((x) => x.id);
  const textIds = [...new Set(records.consents.map((x) => x.consentTextId))];
  const [notes, texts, exports] = await Promise.all([
    caseIds.length
      ? db.select().from(caseNotes).where(and(eq(caseNotes.tenantId, tenantId), inArray(caseNotes.caseId, caseIds))).orderBy(asc(caseNotes.createdAt), asc(caseNotes.id))
      : [],
    textIds.length
      ? db.select({ id: consentTexts.id, text: consentTexts.text, version: consentTexts.version }).from(consentTexts).where(and(eq(consentTexts.tenantId, tenantId), inArray(consentTexts.id, textIds)))
      : [],
    db
      .select({ id: exportLog.id, at: exportLog.at, kind: exportLog.kind, actorType: exportLog.actorType, actorId: exportLog.actorId })
      .from(exportSubjects)
      .innerJoin(exportLog, eq(exportLog.id, exportSubjects.exportId))
      .where(and(eq(exportSubjects.tenantId, tenantId), eq(exportSubjects.subjectId, id), eq(exportLog.tenantId, tenantId)))
      .orderBy(asc(exportLog.at), asc(exportLog.id)),
  ]);
  const notesOf = new Map<string, SubjectNote[]>();
  for (const n of notes) {
    const list = notesOf.get(n.caseId) ?? [];
    list.push({ id: n.id, authorId: n.authorId, body: n.body, shared: n.shared, createdAt: n.createdAt });
    notesOf.set(n.caseId, list);
  }
  const textOf = new Map(texts.map((t) => [t.id, t]));
  return {
    format: 'aftercare.subject-access.v1',
    generatedAt: now,
    exportId,
    subject,
    cases: records.cases.map((x) => ({ ...x, notes: notesOf.get(x.id) ?? [] })),
    products: records.products,
    consents: records.consents.map((x) => ({ ...x, text: textOf.get(x.consentTextId)?.text ?? null, version: textOf.get(x.consentTextId)?.version ?? null })),
    exports,
  };
}
