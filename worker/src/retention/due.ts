import { sql } from 'drizzle-orm';
import type { CaseKind } from '../../../sdk/src/schemas/case.js';
import type { RetentionPolicy } from '../../../sdk/src/admin/retention.js';
import type { Db } from '../db/types.js';
import { casesWithExpiry } from './expiry.js';

export type ExpiringCase = { caseId: string; reference: string; kind: CaseKind; status: string; subjectId: string; exp: number; due: number };

/**
 * The tenant's not-yet-anonymised subjects ALL of whose cases have expired at `at`, oldest
 * first (by their last case's expiry), at most `limit`. A subject with any case still
 * within retention — or open under a `closed` basis — is not returned.
 */
export async function dueSubjects(db: Db, tenantId: string, policies: Record<CaseKind, RetentionPolicy>, at: number, limit: number): Promise<string[]> {
  const rows = await db.all<{ subject_id: string }>(sql`
    SELECT subject_id, MAX(due) AS due FROM (${casesWithExpiry(tenantId, policies)})
    WHERE n_exp = n AND due <= ${at}
    GROUP BY subject_id ORDER BY due, subject_id LIMIT ${limit}`);
  return rows.map((r) => r.subject_id);
}

/** Every case of the subjects that will be due by `until` (already due ones included), soonest first. */
export async function casesDueBy(db: Db, tenantId: string, policies: Record<CaseKind, RetentionPolicy>, until: number): Promise<ExpiringCase[]> {
  const rows = await db.all<{ case_id: string; reference: string; kind: CaseKind; status: string; subject_id: string; exp: number; due: number }>(sql`
    SELECT case_id, reference, kind, status, subject_id, exp, due FROM (${casesWithExpiry(tenantId, policies)})
    WHERE n_exp = n AND due <= ${until}
    ORDER BY due, subject_id, exp, reference`);
  return rows.map((r) => ({ caseId: r.case_id, reference: r.reference, kind: r.kind, status: r.status, subjectId: r.subject_id, exp: Number(r.exp), due: Number(r.due) }));
}
