import { and, eq, sql } from 'drizzle-orm';
import type { CaseKind } from '../../../sdk/src/schemas/case.js';
import { AuditWriter } from '../audit/log.js';
import { cases, subjects } from '../db/schema.js';
import { makeAdminHarness, type AdminHarness } from '../testing/admin-harness.js';

export const DAY = 86_400_000;
export const YEAR = 365 * DAY;
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A harness whose clock a test moves (`t.now = …`), starting at the real now (the intake checks dates against it). */
export async function retentionHarness() {
  const t = { now: Date.now() };
  const h = await makeAdminHarness({ clock: { now: () => t.now } });
  return { h, t, T0: t.now, ...kit(h, t) };
}

export function kit(h: AdminHarness, t: { now: number }) {
  const deps = () => ({ db: h.db, clock: { now: () => t.now }, audit: new AuditWriter(h.db) });
  /** A case of `kind` bought on `purchase` (and `details` merged in), submitted at the clock's now. */
  const submit = (kind: CaseKind, purchase: number, details: Record<string, unknown> = {}) =>
    h.submitCase(kind, (c) => {
      c.product.purchaseDate = isoDay(purchase);
      if ('details' in c) Object.assign(c.details as Record<string, unknown>, details);
    });
  const close = (caseId: string, at: number) => h.db.update(cases).set({ status: 'closed', closedAt: at }).where(eq(cases.id, caseId));
  const setEnd = (caseId: string, at: number | null) => h.db.update(cases).set({ retentionUntil: at }).where(eq(cases.id, caseId));
  const isAnonymised = async (subjectId: string) => {
    const [s] = await h.db.select({ at: subjects.anonymizedAt }).from(subjects).where(eq(subjects.id, subjectId));
    return s!.at !== null;
  };
  /** How many anonymisation entries the audit log holds for a subject. */
  const erasures = async (subjectId: string) =>
    Number((await h.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'subject.anonymised' AND entity_id = ${subjectId}`))[0]!.n);
  const runEntries = (tenantId = h.tenant.tenantId) =>
    h.db.all<{ actor_type: string; actor_id: string; entity_type: string; entity_id: string; fields: string }>(
      sql`SELECT actor_type, actor_id, entity_type, entity_id, fields FROM audit_log WHERE tenant_id = ${tenantId} AND action = 'retention.run' ORDER BY seq`,
    );
  /** Moves a second case onto `subjectId` (intake makes one subject per submission). */
  const moveToSubject = (caseId: string, subjectId: string) =>
    h.db.update(cases).set({ subjectId }).where(and(eq(cases.id, caseId), eq(cases.tenantId, h.tenant.tenantId)));
  return { deps, submit, close, setEnd, isAnonymised, erasures, runEntries, moveToSubject };
}
