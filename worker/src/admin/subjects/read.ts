import { and, asc, eq } from 'drizzle-orm';
import type { AdminSubject, SubjectCase, SubjectConsent, SubjectProduct } from '../../../../sdk/src/admin/subjects.js';
import { cases, consents, products, subjects } from '../../db/schema.js';
import type { Db } from '../../db/types.js';

/** The subject `id` of `tenantId`, or null (another tenant's subject is simply not found). */
export async function findSubject(db: Db, tenantId: string, id: string): Promise<AdminSubject | null> {
  const [row] = await db.select().from(subjects).where(and(eq(subjects.tenantId, tenantId), eq(subjects.id, id))).limit(1);
  if (!row) return null;
  const { tenantId: _t, ...subject } = row;
  return subject;
}

const caseColumns = {
  id: cases.id, reference: cases.reference, kind: cases.kind, status: cases.status, productId: cases.productId,
  createdAt: cases.createdAt, updatedAt: cases.updatedAt, closedAt: cases.closedAt, details: cases.details,
};

/** Cases (with their details), products and consent evidence of one subject, oldest first. */
export async function subjectRecords(db: Db, tenantId: string, subjectId: string) {
  const [caseRows, productRows, consentRows] = await Promise.all([
    db.select(caseColumns).from(cases).where(and(eq(cases.tenantId, tenantId), eq(cases.subjectId, subjectId))).orderBy(asc(cases.createdAt), asc(cases.id)),
    db.select().from(products).where(and(eq(products.tenantId, tenantId), eq(products.subjectId, subjectId))).orderBy(asc(products.createdAt), asc(products.id)),
    db.select().from(consents).where(and(eq(consents.tenantId, tenantId), eq(consents.subjectId, subjectId))).orderBy(asc(consents.givenAt), asc(consents.id)),
  ]);
  return {
    cases: caseRows.map((c) => ({ ...c, details: c.details ?? {} }) as SubjectCase & { details: Record<string, unknown> }),
    products: productRows.map(({ tenantId: _t, subjectId: _s, ...p }): SubjectProduct => p),
    consents: consentRows.map(({ tenantId: _t, subjectId: _s, ...c }): SubjectConsent => c),
  };
}

/** A case without its details (the subject view lists cases; the case view shows them). */
export const caseSummary = ({ details: _d, ...c }: SubjectCase & { details: unknown }): SubjectCase => c;
