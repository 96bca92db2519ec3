import { and, eq, isNull } from 'drizzle-orm';
import { consentTexts, keyOrigins, publishableKeys, tenants } from '../db/schema.js';
import type { Db } from '../db/types.js';
import type { TenantRow } from './env.js';

export type KeyInfo = { keyId: string; tenant: TenantRow; origins: ReadonlySet<string> };
export type ConsentTextInfo = { tenantId: string; sha256: string; locale: string };

const MAX_ENTRIES = 10_000;

/**
 * Per-process caches of the reads every public request makes. A publishable key's tenant and
 * origins are kept for `keyTtlMs` (a revocation or settings change takes effect within it);
 * consent texts never change once written (an edit is a new version), so they are kept until
 * evicted. Both are bounded.
 */
export class Lookups {
  private keys = new Map<string, { at: number; info: KeyInfo }>();
  private texts = new Map<string, ConsentTextInfo>();

  constructor(private db: Db, private keyTtlMs: number, private now: () => number) {}

  async key(key: string): Promise<KeyInfo | null> {
    const hit = this.keys.get(key);
    if (hit && this.now() - hit.at < this.keyTtlMs) return hit.info;
    const [row] = await this.db
      .select({ keyId: publishableKeys.id, tenant: tenants })
      .from(publishableKeys)
      .innerJoin(tenants, eq(tenants.id, publishableKeys.tenantId))
      .where(and(eq(publishableKeys.key, key), isNull(publishableKeys.revokedAt)))
      .limit(1);
    if (!row) {
      this.keys.delete(key);
      return null;
    }
    const origins = await this.db.select({ origin: keyOrigins.origin }).from(keyOrigins).where(eq(keyOrigins.keyId, row.keyId));
    const info = { keyId: row.keyId, tenant: row.tenant, origins: new Set(origins.map((o) => o.origin)) };
    if (this.keyTtlMs > 0) remember(this.keys, key, { at: this.now(), info });
    return info;
  }

  async consentText(id: string): Promise<ConsentTextInfo | null> {
    const hit = this.texts.get(id);
    if (hit) return hit;
    const [row] = await this.db
      .select({ tenantId: consentTexts.tenantId, sha256: consentTexts.sha256, locale: consentTexts.locale })
      .from(consentTexts)
      .where(eq(consentTexts.id, id))
      .limit(1);
    if (row) remember(this.texts, id, row);
    return row ?? null;
  }
}

function remember<K, V>(map: Map<K, V>, key: K, value: V) {
  if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value as K);
  map.set(key, value);
}
