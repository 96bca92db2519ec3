import type { ConsentOutput } from '../../../sdk/src/schemas/index.js';
import type { TenantRow } from '../http/env.js';
import type { Lookups } from '../http/lookups.js';

/**
 * R5: the consent must name a text version this tenant published, with the hash of exactly
 * those words, in that text's language, next to the tenant's privacy statement.
 * Returns the reason it does not match, or null when it does.
 */
export async function consentMismatch(lookups: Lookups, tenant: TenantRow, consent: ConsentOutput): Promise<string | null> {
  const text = await lookups.consentText(consent.textId);
  if (!text || text.tenantId !== tenant.id) return 'Unknown consent text version.';
  if (text.sha256 !== consent.textHash) return 'The hash does not match the consent text.';
  if (text.locale !== consent.locale) return 'The consent text is in another language.';
  if (consent.privacyUrl !== tenant.privacyUrl) return "The privacy statement shown is not this tenant's.";
  return null;
}
