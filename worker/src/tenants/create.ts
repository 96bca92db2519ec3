import * as v from 'valibot';
import { CASE_KINDS, LOCALES, httpsUrl, type CaseKind, type Locale } from '../../../sdk/src/schemas/index.js';
import { tenants, publishableKeys, keyOrigins, consentTexts } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { AuditWriter, auditInsert } from '../audit/log.js';
import { uuidv7, publishableKey } from '../lib/ids.js';
import { sha256Hex } from '../lib/hash.js';
import { defaultConsentTexts } from './default-consent.js';
import { isUniqueViolation } from '../db/errors.js';
import { freeSlug } from '../admin/auth/login-code.js';

/** An origin as browsers send it: scheme://host[:port], nothing else. */
export const OriginSchema = v.pipe(
  v.string(),
  v.check((o) => {
    try {
      const u = new URL(o);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === o;
    } catch {
      return false;
    }
  }, 'an origin is scheme://host[:port] without a path, e.g. https://shop.example'),
);

export const NewTenantSchema = v.object({
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'a name is required'), v.maxLength(120)),
  origins: v.pipe(v.array(OriginSchema), v.minLength(1, 'at least one allowed origin is required')),
  privacyUrl: httpsUrl,
  kinds: v.optional(v.array(v.picklist(CASE_KINDS)), [...CASE_KINDS]),
  locales: v.optional(v.pipe(v.array(v.picklist(LOCALES)), v.minLength(1)), [...LOCALES]),
  consentTexts: v.optional(v.record(v.picklist(LOCALES), v.pipe(v.string(), v.minLength(20)))),
});
export type NewTenant = v.InferInput<typeof NewTenantSchema>;

/**
 * Creates a tenant with one publishable key and consent texts for its locales, in one batch.
 * Its slug (what its users type after `@` at sign-in) comes from the name, or from `o.slug`
 * when that is free; a number is appended while taken.
 */
export async function createTenant(db: Db, audit: AuditWriter, now: number, input: NewTenant, actorId = 'cli', o: { slug?: string } = {}) {
  const t = v.parse(NewTenantSchema, input);
  for (let attempt = 0; ; attempt++) {
    try {
      return await insertTenant(db, audit, now, t, actorId, await freeSlug(db, t.name, o.slug));
    } catch (err) {
      // Another tenant took the same slug a moment ago: pick again.
      if (attempt < 3 && isUniqueViolation(err, 'tenants.slug')) continue;
      throw err;
    }
  }
}

async function insertTenant(db: Db, audit: AuditWriter, now: number, t: v.InferOutput<typeof NewTenantSchema>, actorId: string, slug: string) {
  const tenantId = uuidv7(now);
  const keyId = uuidv7(now);
  const key = publishableKey();
  const texts = { ...defaultConsentTexts(t.name), ...t.consentTexts } as Record<Locale, string>;
  const textRows = await Promise.all(
    t.locales.map(async (locale) => ({
      id: uuidv7(now),
      tenantId,
      locale,
      version: 1,
      text: texts[locale],
      sha256: sha256Hex(texts[locale]),
      createdAt: now,
    })),
  );
  await audit.withAppend(
    tenantId,
    [
      { id: uuidv7(now), at: now, actorType: 'operator', actorId, action: 'tenant.created', entityType: 'tenant', entityId: tenantId, fields: ['name', 'slug', 'privacyUrl', 'kinds', 'locales'] },
      { id: uuidv7(now), at: now, actorType: 'operator', actorId, action: 'publishable_key.created', entityType: 'publishable_key', entityId: keyId, fields: ['origins'] },
      ...textRows.map((r) => ({ id: uuidv7(now), at: now, actorType: 'operator' as const, actorId, action: 'consent_text.created', entityType: 'consent_text', entityId: r.id, fields: ['locale', 'version', 'text'] })),
    ],
    (rows) =>
      db.batch([
        db.insert(tenants).values({ id: tenantId, name: t.name, slug, privacyUrl: t.privacyUrl, kinds: t.kinds as CaseKind[], locales: t.locales, defaultLocale: t.locales[0]!, theme: {}, createdAt: now, updatedAt: now }),
        db.insert(publishableKeys).values({ id: keyId, tenantId, key, createdAt: now }),
        db.insert(keyOrigins).values(t.origins.map((origin) => ({ keyId, tenantId, origin }))),
        db.insert(consentTexts).values(textRows),
        auditInsert(db, rows),
      ]),
  );
  return { tenantId, slug, publishableKey: key };
}

/** Adds a publishable key with its allowed origins to an existing tenant. */
export async function createKey(db: Db, audit: AuditWriter, now: number, tenantId: string, origins: string[], actorId = 'cli') {
  const checked = v.parse(v.pipe(v.array(OriginSchema), v.minLength(1)), origins);
  const keyId = uuidv7(now);
  const key = publishableKey();
  await audit.withAppend(
    tenantId,
    [{ id: uuidv7(now), at: now, actorType: 'operator', actorId, action: 'publishable_key.created', entityType: 'publishable_key', entityId: keyId, fields: ['origins'] }],
    (rows) =>
      db.batch([
        db.insert(publishableKeys).values({ id: keyId, tenantId, key, createdAt: now }),
        db.insert(keyOrigins).values(checked.map((origin) => ({ keyId, tenantId, origin }))),
        auditInsert(db, rows),
      ]),
  );
  return { tenantId, publishableKey: key };
}
