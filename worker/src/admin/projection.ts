import type { PartnerType, Role } from '../../../sdk/src/admin/roles.js';

/**
 * R22: THE field projection table. Every route that returns case data (detail, list, CSV/JSON
 * export, print view) passes it through `projectCase` with the caller's audience, so a field
 * not listed here for an audience never leaves the server for it.
 *
 * Paths name fields of the admin case document (sdk `AdminCase`): top-level keys, or
 * `subject.<field>` / `product.<field>` for nested ones.
 */
export const CASE_FIELDS = [
  'id', 'reference', 'kind', 'status', 'createdAt', 'updatedAt', 'closedAt', 'assignedOrg',
  'subject.id', 'subject.anonymized',
  'subject.firstName', 'subject.lastName', 'subject.street', 'subject.houseNumber', 'subject.houseNumberAddition',
  'subject.postcode', 'subject.city', 'subject.country', 'subject.email', 'subject.phone',
  'product.brand', 'product.model', 'product.serialNumber', 'product.purchaseDate', 'product.retailer', 'product.proofOfPurchaseRef',
  /** The consumer's own free text and kind-specific answers. */
  'details',
  /** Consent evidence (R5). */
  'consents',
  /** Internal notes; partners only ever get notes marked shared. */
  'notes',
  /** Change history from the audit log. */
  'history',
] as const;
export type CaseField = (typeof CASE_FIELDS)[number];

/** Who a case is projected for: tenant staff, or a partner organisation's type. */
export type Audience = 'tenant' | PartnerType;

const BASICS: CaseField[] = ['id', 'reference', 'kind', 'status', 'createdAt', 'updatedAt', 'closedAt', 'assignedOrg'];
const NAME: CaseField[] = ['subject.firstName', 'subject.lastName'];
const ADDRESS: CaseField[] = ['subject.street', 'subject.houseNumber', 'subject.houseNumberAddition', 'subject.postcode', 'subject.city', 'subject.country'];
const PRODUCT_ID: CaseField[] = ['product.brand', 'product.model', 'product.serialNumber'];

export const PROJECTION: Record<Audience, readonly CaseField[]> = {
  /** Owner and staff: everything. */
  tenant: CASE_FIELDS,
  /** Visits the consumer to repair or install: who, where, how to call, what and what is wrong. */
  technician: [...BASICS, ...NAME, ...ADDRESS, 'subject.phone', ...PRODUCT_ID, 'product.purchaseDate', 'details', 'notes'],
  /** Repairs a product sent in: which product, what is wrong; the name to label it by. */
  repair_centre: [...BASICS, ...NAME, ...PRODUCT_ID, 'product.purchaseDate', 'details', 'notes'],
  /** Picks up or delivers: pickup name, address, phone and the product. Never email, notes or history. */
  carrier: [...BASICS, ...NAME, ...ADDRESS, 'subject.phone', ...PRODUCT_ID],
};

/** The audience of a role; null for roles that see no case data (auditor, operator). */
export function audienceOf(p: { role: Role; partnerType: PartnerType | null }): Audience | null {
  if (p.role === 'owner' || p.role === 'staff') return 'tenant';
  if (p.role === 'partner' && p.partnerType) return p.partnerType;
  return null;
}

export const maysee = (audience: Audience, field: CaseField) => PROJECTION[audience].includes(field);

/** Copies only the fields `audience` may see; nested `subject`/`product` are filtered per field. */
export function projectCase<T extends Record<string, unknown>>(doc: T, audience: Audience): Partial<T> {
  const allowed = PROJECTION[audience];
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'subject' || key === 'product') {
      if (value === null || typeof value !== 'object') continue;
      const nested: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) if (allowed.includes(`${key}.${k}` as CaseField)) nested[k] = v;
      if (Object.keys(nested).length) out[key] = nested;
    } else if (allowed.includes(key as CaseField)) {
      out[key] = value;
    }
  }
  return out as Partial<T>;
}
