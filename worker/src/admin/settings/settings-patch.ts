import * as v from 'valibot';
import { and, eq, inArray } from 'drizzle-orm';
import { consentTexts, keyOrigins, tenants } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import { auditInsert, type AuditWriter } from '../../audit/log.js';
import { uuidv7 } from '../../lib/ids.js';
import type { SettingsOutput } from '../../../../sdk/src/admin/settings.js';
import type { SettingsPatchSchema } from '../../../../sdk/src/admin/settings.js';
import type { FieldError } from '../../../../sdk/src/schemas/index.js';
import { actorOf, type Principal } from '../principal.js';
import { fieldError } from '../http/body.js';

type Patch = v.InferOutput<typeof SettingsPatchSchema>;
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
const sameTheme = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** Checks that need the current settings or the database (origins are checked with the body); per-field errors. */
export async function checkPatch(db: Db, tenantId: string, current: SettingsOutput, p: Patch): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (p.allowedOrigins && current.publishableKeys.length === 0) errors.push(fieldError('allowedOrigins', 'no_active_key', 'The tenant has no active publishable key to allow origins for.'));
  const locales = p.locales ?? current.locales;
  const defaultLocale = p.defaultLocale ?? current.defaultLocale;
  if (!(locales as string[]).includes(defaultLocale)) {
    errors.push(fieldError('defaultLocale', p.defaultLocale ? 'invalid_value' : 'required', 'The default language must be one of the enabled languages.'));
  }
  if (p.locales) {
    const withText = new Set((await db.selectDistinct({ locale: consentTexts.locale }).from(consentTexts).where(eq(consentTexts.tenantId, tenantId))).map((r) => r.locale));
    p.locales.forEach((l, i) => {
      if (!withText.has(l)) errors.push(fieldError(`locales.${i}`, 'consent_text_missing', 'Add a consent text in this language first.'));
    });
  }
  return errors;
}

/** The names of the fields this patch really changes. */
export function changedFields(current: SettingsOutput, p: Patch): string[] {
  const out: string[] = [];
  if (p.name !== undefined && p.name !== current.name) out.push('name');
  if (p.privacyUrl !== undefined && p.privacyUrl !== current.privacyUrl) out.push('privacyUrl');
  if (p.allowedOrigins && !current.publishableKeys.every((k) => sameSet(k.origins, p.allowedOrigins!))) out.push('allowedOrigins');
  if (p.kinds && !sameSet(p.kinds, current.kinds)) out.push('kinds');
  if (p.locales && !sameSet(p.locales, current.locales)) out.push('locales');
  if (p.defaultLocale !== undefined && p.defaultLocale !== current.defaultLocale) out.push('defaultLocale');
  if (p.theme && !sameTheme(p.theme as Record<string, string>, current.theme)) out.push('theme');
  if (p.requireTotpForOwners !== undefined && p.requireTotpForOwners !== current.requireTotpForOwners) out.push('requireTotpForOwners');
  return out;
}

/**
 * Writes the changed fields, the origins of every active publishable key (replaced by the new
 * list) and one audit entry naming the fields, in one batch.
 */
export async function applyPatch(db: Db, audit: AuditWriter, principal: Principal, now: number, current: SettingsOutput, p: Patch, fields: string[]) {
  const tenantId = current.tenantId;
  const set: Partial<typeof tenants.$inferInsert> = { updatedAt: now };
  if (fields.includes('name')) set.name = p.name!;
  if (fields.includes('privacyUrl')) set.privacyUrl = p.privacyUrl!;
  if (fields.includes('kinds')) set.kinds = p.kinds!;
  if (fields.includes('locales')) set.locales = p.locales!;
  if (fields.includes('defaultLocale')) set.defaultLocale = p.defaultLocale!;
  if (fields.includes('theme')) set.theme = p.theme as Record<string, string>;
  if (fields.includes('requireTotpForOwners')) set.requireTotpForOwners = p.requireTotpForOwners!;
  const keyIds = current.publishableKeys.map((k) => k.id);
  const entry = { id: uuidv7(now), at: now, ...actorOf(principal), action: 'settings.updated', entityType: 'tenant', entityId: tenantId, fields };
  await audit.withAppend(tenantId, [entry], (rows) =>
    db.batch([
      db.update(tenants).set(set).where(eq(tenants.id, tenantId)),
      ...(fields.includes('allowedOrigins')
        ? [
            db.delete(keyOrigins).where(and(eq(keyOrigins.tenantId, tenantId), inArray(keyOrigins.keyId, keyIds))),
            db.insert(keyOrigins).values(keyIds.flatMap((keyId) => p.allowedOrigins!.map((origin) => ({ keyId, tenantId, origin })))),
          ]
        : []),
      auditInsert(db, rows),
    ]),
  );
}
