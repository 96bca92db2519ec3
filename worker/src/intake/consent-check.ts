import { and, eq } from 'drizzle-orm';
import type { ConsentOutput } from '../../../sdk/src/schemas/index.js';
import { consentTexts } from '../db/schema.js';
import type { Db } from '../db/types.js';
import type { TenantRow } from '../http/env.js';

/**
 * R5: the consent must name a text version this tenant published, with the hash of exactly
 * those words, in that text's language, next to the tenant's privacy statement.
 * Returns the reason it does not match, or null when it does.
 */
export async function consentMismatch(db: Db, tenant: TenantRow, consent: ConsentOutput): Promise<string | null> {
  const [text] = await db
    .select({ sha256: consentTexts.sha256, locale: consentTexts.locale })
    .from(consentTexts)
    .where(and(eq(consentTexts.id, consent.textId), eq(consentTexts.tenantId, tenant.id)))
    .limit(1);
  if (!text) return 'Unknown consent text version.';
  if (text.sha256 !== consent.textHash) return 'The hash does not match the consent text.';
  if (text.locale !== consent.locale) return 'The consent text is in another language.';
  if (consent.privacyUrl !== tenant.privacyUrl) return "The privacy statement shown is not this tenant's.";
  return null;
}
