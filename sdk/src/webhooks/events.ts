/**
 * The webhook events Aftercare sends and what each body holds. A body is one JSON object, the
 * envelope `{ id, event, createdAt, tenantId, data }`. Payloads carry ids and workflow facts,
 * never personal data, unless the tenant opted in (`personalData: true` in the webhook
 * settings): then case events add `subject` with the consumer's contact fields.
 */

export const WEBHOOK_EVENTS = ['case.created', 'case.updated', 'breach.notified', 'subprocessor.announced', 'ping'] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

/** Only with the tenant's opt-in, only on case events, and absent once the subject is anonymised. */
export type WebhookSubjectContact = { firstName: string; lastName: string; email: string; phone: string | null };

/** What changed in a `case.updated` event. */
export type CaseChange = 'status' | 'assignment' | 'note';

export type CaseCreatedData = {
  caseId: string;
  /** The short reference the consumer was shown, e.g. `K7P2-9QXD`. */
  reference: string;
  kind: string;
  status: string;
  subject?: WebhookSubjectContact;
};

export type CaseUpdatedData = {
  caseId: string;
  reference: string;
  kind: string;
  /** The status after the change. */
  status: string;
  /** The partner organisation the case is assigned to after the change, or null. */
  assignedOrganisationId: string | null;
  change: CaseChange;
  /** With `change: 'note'`: the note's id (never its text). */
  noteId?: string;
  subject?: WebhookSubjectContact;
};

export type BreachNotifiedData = {
  breachId: string;
  /** ISO 8601 times: discovery, this notification, and the 48-hour deadline from discovery. */
  discoveredAt: string;
  notifiedAt: string;
  deadlineAt: string;
  /** Categories of data concerned (e.g. `contact`, `address`) and the approximate number of subjects. */
  dataCategories: string[];
  approxSubjects: number;
};

export type SubprocessorAnnouncedData = {
  subprocessorId: string;
  name: string;
  purpose: string;
  location: string;
  safeguards: string | null;
  /** YYYY-MM-DD: when the sub-processor starts; an owner can object before then. */
  startDate: string;
};

/** `ping`: sent by "send test event"; carries nothing. */
export type PingData = Record<string, never>;

export type WebhookEventData = {
  'case.created': CaseCreatedData;
  'case.updated': CaseUpdatedData;
  'breach.notified': BreachNotifiedData;
  'subprocessor.announced': SubprocessorAnnouncedData;
  ping: PingData;
};

/** The JSON body of every delivery. `id` equals the `Aftercare-Webhook-Id` header and is stable across retries. */
export type WebhookEnvelope<E extends WebhookEventName = WebhookEventName> = {
  [K in E]: { id: string; event: K; createdAt: string; tenantId: string; data: WebhookEventData[K] };
}[E];

/** Header names (HTTP headers are case-insensitive; Node lowercases them). */
export const WEBHOOK_HEADERS = {
  id: 'Aftercare-Webhook-Id',
  timestamp: 'Aftercare-Webhook-Timestamp',
  signature: 'Aftercare-Signature',
} as const;
