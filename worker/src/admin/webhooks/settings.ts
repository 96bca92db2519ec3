import { eq } from 'drizzle-orm';
import type { WebhookSettingsView } from '../../../../sdk/src/admin/webhooks.js';
import { auditInsert, type AuditWriter } from '../../audit/log.js';
import { tenants } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import { randomString, uuidv7 } from '../../lib/ids.js';
import { actorOf, type Principal } from '../principal.js';

const SECRET_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Shown in place of the secret: `whsec_` and four characters. */
const PREFIX_LENGTH = 10;

/** A signing secret: `whsec_` + 32 base62 characters (~190 bits). Stored as is: signing needs it. */
export const newWebhookSecret = () => `whsec_${randomString(SECRET_ALPHABET, 32)}`;
export const secretPrefix = (secret: string | null) => (secret ? secret.slice(0, PREFIX_LENGTH) : null);

type Stored = { url: string | null; secret: string | null; personalData: boolean };

export async function loadWebhookSettings(db: Db, tenantId: string): Promise<Stored | null> {
  const [row] = await db.select({ url: tenants.webhookUrl, secret: tenants.webhookSecret, personalData: tenants.webhookPersonalData }).from(tenants).where(eq(tenants.id, tenantId));
  return row ?? null;
}

export const viewOf = (s: Stored): WebhookSettingsView => ({ url: s.url, personalData: s.personalData, secretPrefix: secretPrefix(s.secret) });

type Ctx = { db: Db; audit: AuditWriter; principal: Principal; tenantId: string; now: number };

/**
 * Writes the tenant's webhook columns that changed, with one audit entry naming them
 * (`webhookUrl`, `webhookPersonalData`, `webhookSecret`; never values), in one batch.
 */
export async function writeWebhookSettings(x: Ctx, action: string, set: Partial<Stored>): Promise<void> {
  const fields = [
    ...(set.url !== undefined ? ['webhookUrl'] : []),
    ...(set.personalData !== undefined ? ['webhookPersonalData'] : []),
    ...(set.secret !== undefined ? ['webhookSecret'] : []),
  ];
  if (!fields.length) return;
  const entry = { id: uuidv7(x.now), at: x.now, ...actorOf(x.principal), action, entityType: 'tenant', entityId: x.tenantId, fields };
  await x.audit.withAppend(x.tenantId, [entry], (rows) =>
    x.db.batch([
      x.db.update(tenants).set({
        updatedAt: x.now,
        ...(set.url !== undefined ? { webhookUrl: set.url } : {}),
        ...(set.personalData !== undefined ? { webhookPersonalData: set.personalData } : {}),
        ...(set.secret !== undefined ? { webhookSecret: set.secret } : {}),
      }).where(eq(tenants.id, x.tenantId)),
      auditInsert(x.db, rows),
    ]),
  );
}
