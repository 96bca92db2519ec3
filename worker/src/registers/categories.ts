import { CaseInputSchema, type CaseKind } from '../../../sdk/src/schemas/index.js';
import type { DataCategory } from '../../../sdk/src/admin/register.js';
import type { consents } from '../db/schema.js';

/**
 * (b) of the art. 30(2) register, derived from the intake schema itself so it stays true: for
 * each case kind, the fields a consumer's case of that kind carries (subject, product, consent
 * and the kind's own details), grouped into data categories. A field this table does not know
 * lands in `other` (a test keeps `other` empty, so a new schema field must be categorised).
 */
const FIELD_CATEGORY: Record<string, DataCategory> = {
  firstName: 'identity', lastName: 'identity',
  email: 'contact', phone: 'contact',
  street: 'address', houseNumber: 'address', houseNumberAddition: 'address', postcode: 'address', city: 'address', country: 'address',
  brand: 'product', model: 'product', serialNumber: 'product', purchaseDate: 'product', retailer: 'product', proofOfPurchaseRef: 'product',
  description: 'case', faultDescription: 'case', reasonDetail: 'case', mode: 'case', warrantyEndDate: 'case',
  visitWindows: 'appointment',
  reason: 'order', orderNumber: 'order', preferredResolution: 'order',
  accepted: 'consent', textId: 'consent', textHash: 'consent', locale: 'consent', privacyUrl: 'consent', pageUrl: 'consent',
};

/** Consent evidence the server records besides what the form sends (consents table): time, IP address, user agent. */
const SERVER_CONSENT_FIELDS = ['givenAt', 'ip', 'userAgent', 'withdrawnAt'] as const satisfies readonly (keyof typeof consents.$inferSelect)[];

type AnySchema = { type?: string; entries?: Record<string, AnySchema>; pipe?: AnySchema[]; wrapped?: AnySchema; options?: AnySchema[]; literal?: unknown };

/** The object entries of a schema, through pipes and optional/nullable wrappers. */
function entriesOf(schema: AnySchema | undefined): Record<string, AnySchema> {
  if (!schema) return {};
  if (schema.entries) return schema.entries;
  if (schema.pipe?.[0] && schema.pipe[0] !== schema) return entriesOf(schema.pipe[0]);
  if (schema.wrapped) return entriesOf(schema.wrapped);
  return {};
}

export type KindFields = { kind: CaseKind; fields: string[] };

/** Per case kind, every leaf field name its intake payload holds (subject, product, consent, pageUrl, details). */
export function fieldsPerKind(): KindFields[] {
  const variants = (CaseInputSchema as unknown as AnySchema).options ?? [];
  return variants.map((variant) => {
    const entries = entriesOf(variant);
    const kind = entries.kind?.literal as CaseKind;
    const fields: string[] = [];
    for (const [name, schema] of Object.entries(entries)) {
      if (name === 'kind') continue;
      const nested = entriesOf(schema);
      if (Object.keys(nested).length) fields.push(...Object.keys(nested));
      else fields.push(name);
    }
    return { kind, fields: [...new Set([...fields, ...SERVER_CONSENT_FIELDS])] };
  });
}

export const categoryOf = (field: string): DataCategory => (SERVER_CONSENT_FIELDS as readonly string[]).includes(field) ? 'consent' : FIELD_CATEGORY[field] ?? 'other';

const ORDER: DataCategory[] = ['identity', 'contact', 'address', 'product', 'case', 'appointment', 'order', 'consent', 'other'];

/** The fields of one kind grouped by category, in a fixed category order. */
export function categoriesOf(kind: CaseKind): { category: DataCategory; fields: string[] }[] {
  const entry = fieldsPerKind().find((k) => k.kind === kind);
  const groups = new Map<DataCategory, string[]>();
  for (const f of entry?.fields ?? []) {
    const c = categoryOf(f);
    groups.set(c, [...(groups.get(c) ?? []), f]);
  }
  return ORDER.filter((c) => groups.has(c)).map((category) => ({ category, fields: groups.get(category)! }));
}
