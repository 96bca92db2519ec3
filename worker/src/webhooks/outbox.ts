import { sql } from 'drizzle-orm';
import type { WebhookEventData, WebhookEventName } from '../../../sdk/src/webhooks/events.js';
import { tenants, webhookOutbox } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { uuidv7 } from '../lib/ids.js';

export type OutboxInput<E extends WebhookEventName> = {
  tenantId: string;
  event: E;
  /** Ids and facts only (payloads.ts builds them); personal data is added at delivery, and only with the tenant's opt-in. */
  data: WebhookEventData[E];
  now: number;
  /** The delivery id; a fresh UUIDv7 by default. */
  id?: string;
};

/**
 * The outbox row announcing a change: put it in the SAME `db.batch` as the change, so the
 * event exists exactly when the change does.
 *
 * It is one `INSERT … SELECT … FROM tenants WHERE id = ? AND webhook_url IS NOT NULL`: a tenant
 * without a webhook URL gets no row (nothing piles up, and an endpoint configured later sees
 * only events from then on). No read before the batch, so it costs nothing extra on D1/Turso.
 * The row is due at once; the delivery job (job.ts) sends it.
 */
export function outboxStatement<E extends WebhookEventName>(db: Db, o: OutboxInput<E>) {
  const id = o.id ?? uuidv7(o.now);
  const payload = JSON.stringify(o.data);
  // Columns in table order: id, tenant_id, event, payload, created_at, attempts, next_attempt_at, delivered_at, last_status, last_error, failed_at.
  return db.insert(webhookOutbox).select(
    sql`SELECT ${id}, ${tenants.id}, ${o.event}, ${payload}, ${o.now}, 0, ${o.now}, NULL, NULL, NULL, NULL FROM ${tenants} WHERE ${tenants.id} = ${o.tenantId} AND ${tenants.webhookUrl} IS NOT NULL`,
  );
}
