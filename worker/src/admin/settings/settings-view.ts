import { and, asc, eq, isNull } from 'drizzle-orm';
import { keyOrigins, publishableKeys, tenants } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import type { SettingsOutput } from '../../../../sdk/src/admin/settings.js';
import type { CaseKind, Locale } from '../../../../sdk/src/schemas/index.js';

/** The tenant's active publishable keys with their origins. */
export async function activeKeys(db: Db, tenantId: string) {
  const keys = await db
    .select({ id: publishableKeys.id, key: publishableKeys.key, createdAt: publishableKeys.createdAt })
    .from(publishableKeys)
    .where(and(eq(publishableKeys.tenantId, tenantId), isNull(publishableKeys.revokedAt)))
    .orderBy(asc(publishableKeys.createdAt), asc(publishableKeys.id));
  const rows = await db.select({ keyId: keyOrigins.keyId, origin: keyOrigins.origin }).from(keyOrigins).where(eq(keyOrigins.tenantId, tenantId));
  return keys.map((k) => ({ ...k, origins: rows.filter((r) => r.keyId === k.id).map((r) => r.origin).sort() }));
}

/** What `GET /v1/admin/settings` answers; null when the tenant does not exist. */
export async function loadSettings(db: Db, tenantId: string): Promise<SettingsOutput | null> {
  const [t] = await db.select().from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  if (!t) return null;
  const keys = await activeKeys(db, tenantId);
  return {
    tenantId: t.id,
    name: t.name,
    slug: t.slug,
    privacyUrl: t.privacyUrl,
    allowedOrigins: [...new Set(keys.flatMap((k) => k.origins))].sort(),
    kinds: t.kinds as CaseKind[],
    locales: t.locales as Locale[],
    defaultLocale: t.defaultLocale as Locale,
    theme: t.theme,
    requireTotpForOwners: t.requireTotpForOwners,
    publishableKeys: keys,
    updatedAt: t.updatedAt,
  };
}
