/** Signed webhooks: the outbox statement other features put in their batches, payload builders, and the delivery job. */
export { outboxStatement, type OutboxInput } from './outbox.js';
export { caseCreatedData, caseUpdatedData, breachNotifiedData, subprocessorAnnouncedData, BREACH_DEADLINE_MS } from './payloads.js';
export { runWebhookDeliveryJob, webhookJob, type WebhookJobOptions } from './job.js';
export { MAX_ATTEMPTS, RETRY_DELAYS_MS, retryDelay } from './backoff.js';
