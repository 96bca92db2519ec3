import * as v from 'valibot';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { WebhookDeliveryList, WebhookDeliveryView } from '../../../../sdk/src/admin/webhooks.js';
import type { WebhookEventName } from '../../../../sdk/src/webhooks/events.js';
import { webhookOutbox } from '../../db/schema.js';
import type { Db } from '../../db/types.js';

/** `?limit&before`: `before` is a previous page's `nextCursor` (`<createdAt>_<id>`). */
export const DeliveryQuerySchema = v.strictObject(
  {
    limit: v.optional(v.pipe(v.string('invalid_type'), v.regex(/^\d{1,3}$/, 'invalid_format'), v.transform(Number), v.minValue(1, 'too_small'), v.maxValue(100, 'too_large')), '50'),
    before: v.optional(v.pipe(v.string('invalid_type'), v.regex(/^\d{1,15}_[0-9a-f-]{36}$/, 'invalid_format'))),
  },
  'unknown_field',
);

type Row = typeof webhookOutbox.$inferSelect;

const viewOf = (r: Row): WebhookDeliveryView => ({
  id: r.id,
  event: r.event as WebhookEventName,
  status: r.deliveredAt !== null ? 'delivered' : r.failedAt !== null ? 'failed' : 'pending',
  attempts: r.attempts,
  createdAt: r.createdAt,
  nextAttemptAt: r.deliveredAt === null && r.failedAt === null ? r.nextAttemptAt : null,
  deliveredAt: r.deliveredAt,
  failedAt: r.failedAt,
  lastStatus: r.lastStatus,
  lastError: r.lastError,
});

/** The tenant's deliveries, newest first, keyset-paged on (created_at, id) over the (tenant_id, created_at) index. */
export async function listDeliveries(db: Db, tenantId: string, q: v.InferOutput<typeof DeliveryQuerySchema>): Promise<WebhookDeliveryList> {
  const cursor = q.before ? { at: Number(q.before.split('_')[0]), id: q.before.split('_')[1]! } : null;
  const rows = await db
    .select()
    .from(webhookOutbox)
    .where(and(
      eq(webhookOutbox.tenantId, tenantId),
      cursor ? or(lt(webhookOutbox.createdAt, cursor.at), and(eq(webhookOutbox.createdAt, cursor.at), lt(webhookOutbox.id, cursor.id))) : undefined,
    ))
    .orderBy(desc(webhookOutbox.createdAt), desc(webhookOutbox.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { items: page.map(viewOf), nextCursor: rows.length > q.limit && last ? `${last.createdAt}_${last.id}` : null };
}
