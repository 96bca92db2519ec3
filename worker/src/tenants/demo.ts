import { and, eq, isNull } from 'drizzle-orm';
import { keyOrigins, publishableKeys } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { AuditWriter } from '../audit/log.js';
import { createTenant } from './create.js';

export const DEMO_TENANT_NAME = 'Demo Winkel';

/**
 * The demo tenant for a local run: created on first start with the server's own origins
 * allowed; on later starts the existing key for that origin is reused.
 */
export async function ensureDemoTenant(db: Db, now: number, baseUrl: string): Promise<{ tenantId: string; publishableKey: string; created: boolean }> {
  const origin = new URL(baseUrl).origin;
  const [existing] = await db
    .select({ tenantId: publishableKeys.tenantId, key: publishableKeys.key })
    .from(keyOrigins)
    .innerJoin(publishableKeys, eq(publishableKeys.id, keyOrigins.keyId))
    .where(and(eq(keyOrigins.origin, origin), isNull(publishableKeys.revokedAt)))
    .limit(1);
  if (existing) return { tenantId: existing.tenantId, publishableKey: existing.key, created: false };
  const port = new URL(baseUrl).port;
  const origins = [...new Set([origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`])];
  const t = await createTenant(db, new AuditWriter(db), now, {
    name: DEMO_TENANT_NAME,
    origins,
    privacyUrl: `${origin}/demo/privacy.html`,
    locales: ['nl', 'en', 'de', 'fr'],
  }, 'demo-setup');
  return { ...t, created: true };
}
