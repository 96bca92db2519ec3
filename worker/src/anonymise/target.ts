import { and, count, eq, inArray } from 'drizzle-orm';
import { caseNotes, cases, consents, products, subjects } from '../db/schema.js';
import type { Db } from '../db/types.js';

/** What an erasure of one subject touches, read before the write. */
export type ErasureTarget = {
  tenantId: string;
  subjectId: string;
  anonymizedAt: number | null;
  cases: { id: string; details: Record<string, unknown> }[];
  consents: { id: string; ip: string; userAgent: string; pageUrl: string | null }[];
  products: number;
  notes: number;
};

/** Reads the subject's cases and consent evidence (tenant-scoped); null when the subject is not in this tenant. */
export async function loadErasureTarget(db: Db, tenantId: string, subjectId: string): Promise<ErasureTarget | null> {
  const [subject] = await db
    .select({ anonymizedAt: subjects.anonymizedAt })
    .from(subjects)
    .where(and(eq(subjects.tenantId, tenantId), eq(subjects.id, subjectId)))
    .limit(1);
  if (!subject) return null;
  const [caseRows, consentRows, [productCount]] = await Promise.all([
    db.select({ id: cases.id, details: cases.details }).from(cases).where(and(eq(cases.tenantId, tenantId), eq(cases.subjectId, subjectId))),
    db
      .select({ id: consents.id, ip: consents.ip, userAgent: consents.userAgent, pageUrl: consents.pageUrl })
      .from(consents)
      .where(and(eq(consents.tenantId, tenantId), eq(consents.subjectId, subjectId))),
    db.select({ n: count() }).from(products).where(and(eq(products.tenantId, tenantId), eq(products.subjectId, subjectId))),
  ]);
  const caseIds = caseRows.map((c) => c.id);
  const [noteCount] = caseIds.length
    ? await db.select({ n: count() }).from(caseNotes).where(and(eq(caseNotes.tenantId, tenantId), inArray(caseNotes.caseId, caseIds)))
    : [{ n: 0 }];
  return {
    tenantId,
    subjectId,
    anonymizedAt: subject.anonymizedAt,
    cases: caseRows.map((c) => ({ id: c.id, details: c.details ?? {} })),
    consents: consentRows,
    products: productCount?.n ?? 0,
    notes: noteCount?.n ?? 0,
  };
}
