import type {
  BreachNotifiedData, CaseChange, CaseCreatedData, CaseUpdatedData, SubprocessorAnnouncedData,
} from '../../../sdk/src/webhooks/events.js';

/**
 * Event data builders: ids and workflow facts only, never personal data (no names, contact or
 * address fields, no free text such as case details or notes). The delivery adds the subject's
 * contact fields to case events only when the tenant opted in (envelope.ts).
 */

type CaseFacts = { id: string; reference: string; kind: string; status: string };

export const caseCreatedData = (c: CaseFacts): CaseCreatedData => ({ caseId: c.id, reference: c.reference, kind: c.kind, status: c.status });

/** `c` is the case AFTER the change. */
export function caseUpdatedData(c: CaseFacts & { assignedOrgId: string | null }, change: CaseChange, extra: { noteId?: string } = {}): CaseUpdatedData {
  return {
    caseId: c.id, reference: c.reference, kind: c.kind, status: c.status, assignedOrganisationId: c.assignedOrgId, change,
    ...(extra.noteId ? { noteId: extra.noteId } : {}),
  };
}

/** The 48-hour deadline of art. 33 GDPR, counted from discovery. */
export const BREACH_DEADLINE_MS = 48 * 60 * 60 * 1000;

/** For the breach register: one per notified tenant (not the description, consequences or measures: those are read in the admin page). */
export function breachNotifiedData(b: { id: string; discoveredAt: number; dataCategories: string[]; approxSubjects: number }, notifiedAt: number): BreachNotifiedData {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    breachId: b.id, discoveredAt: iso(b.discoveredAt), notifiedAt: iso(notifiedAt), deadlineAt: iso(b.discoveredAt + BREACH_DEADLINE_MS),
    dataCategories: [...b.dataCategories], approxSubjects: b.approxSubjects,
  };
}

/** For the sub-processor list: company facts, no personal data. */
export function subprocessorAnnouncedData(s: { id: string; name: string; purpose: string; location: string; safeguards: string | null; startDate: string }): SubprocessorAnnouncedData {
  return { subprocessorId: s.id, name: s.name, purpose: s.purpose, location: s.location, safeguards: s.safeguards ?? null, startDate: s.startDate };
}
