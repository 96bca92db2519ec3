import { and, eq, isNull } from 'drizzle-orm';
import type { WebhookEnvelope, WebhookEventName, WebhookSubjectContact } from '../../../sdk/src/webhooks/events.js';
import { cases, subjects, type webhookOutbox } from '../db/schema.js';
import type { Db } from '../db/types.js';

export type OutboxRow = typeof webhookOutbox.$inferSelect;

/** The subject's contact fields for a case of this tenant; null once the subject is anonymised. */
async function contactOf(db: Db, tenantId: string, caseId: string): Promise<WebhookSubjectContact | null> {
  const [row] = await db
    .select({ firstName: subjects.firstName, lastName: subjects.lastName, email: subjects.email, phone: subjects.phone })
    .from(cases)
    .innerJoin(subjects, eq(subjects.id, cases.subjectId))
    .where(and(eq(cases.id, caseId), eq(cases.tenantId, tenantId), eq(subjects.tenantId, tenantId), isNull(subjects.anonymizedAt)))
    .limit(1);
  return row ?? null;
}

/**
 * The JSON body of a delivery: `{ id, event, createdAt, tenantId, data }`. The outbox holds
 * ids only; with the tenant's opt-in (`webhook_personal_data`), case events get `data.subject`
 * (first and last name, e-mail, phone) read NOW, so a subject anonymised or rectified before
 * a retry is sent as it is then (and never after anonymisation).
 */
export async function envelopeBody(db: Db, row: OutboxRow, personalData: boolean): Promise<string> {
  const data = JSON.parse(row.payload) as Record<string, unknown>;
  if (personalData && row.event.startsWith('case.') && typeof data.caseId === 'string') {
    const subject = await contactOf(db, row.tenantId, data.caseId);
    if (subject) data.subject = subject;
  }
  const envelope = { id: row.id, event: row.event as WebhookEventName, createdAt: new Date(row.createdAt).toISOString(), tenantId: row.tenantId, data } as WebhookEnvelope;
  return JSON.stringify(envelope);
}
