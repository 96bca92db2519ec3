import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { caseNotes, cases, consents, idempotencyKeys, products, subjects } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { ERASED, erasedDetails } from './details.js';
import { ERASED_MODEL } from '../../../sdk/src/admin/stats.js';
import { browserFamily, pageOrigin, truncateIp } from './evidence.js';
import type { ErasureTarget } from './target.js';

/**
 * The field names an erasure replaces, as the audit entry lists them (R17: names, never values).
 * `subjects.country` is kept: one of 27 EU countries identifies nobody, and it keeps
 * statistics per country possible.
 */
export const ERASED_FIELDS = [
  'subject.firstName', 'subject.lastName', 'subject.street', 'subject.houseNumber', 'subject.houseNumberAddition',
  'subject.postcode', 'subject.city', 'subject.email', 'subject.phone',
  'product.model', 'product.serialNumber', 'product.retailer', 'product.proofOfPurchaseRef',
  'case.details', 'caseNote.body',
  'consent.ip', 'consent.userAgent', 'consent.pageUrl',
  'idempotencyKey.requestHash',
] as const;

/** Stored in place of a submission's request hash: no SHA-256 hex equals it, so a replay of the key is refused. */
export const ERASED_REQUEST_HASH = 'erased';

/**
 * R10: the statements that anonymise one subject, for ONE `db.batch` together with the
 * audit row. Kept: case kind, status, reference and dates; product brand and purchase date;
 * structured case answers (see `erasedDetails`); consent text, hash, locale, privacy URL, time
 * and the page's origin; the subject's country.
 */
export function erasureStatements(db: Db, t: ErasureTarget, now: number) {
  const caseIds = t.cases.map((c) => c.id);
  const statements = [
    db
      .update(subjects)
      .set({
        firstName: ERASED, lastName: ERASED, street: ERASED, houseNumber: ERASED, houseNumberAddition: null,
        postcode: ERASED, city: ERASED, email: ERASED, phone: null, updatedAt: now, anonymizedAt: now,
      })
      .where(and(eq(subjects.tenantId, t.tenantId), eq(subjects.id, t.subjectId), isNull(subjects.anonymizedAt))),
    db
      .update(products)
      // Model and retailer are the consumer's free text (anything can be typed there, a name
      // included), and tenants keep no product list to match a model against: both go. The
      // brand stays, so statistics count these cases under their brand with ERASED_MODEL.
      .set({ model: ERASED_MODEL, serialNumber: null, retailer: null, proofOfPurchaseRef: null })
      .where(and(eq(products.tenantId, t.tenantId), eq(products.subjectId, t.subjectId))),
    ...t.cases.map((c) =>
      db.update(cases).set({ details: erasedDetails(c.details) }).where(and(eq(cases.tenantId, t.tenantId), eq(cases.id, c.id))),
    ),
    ...t.consents.map((c) =>
      db
        .update(consents)
        .set({ ip: truncateIp(c.ip), userAgent: browserFamily(c.userAgent), pageUrl: pageOrigin(c.pageUrl) })
        .where(and(eq(consents.tenantId, t.tenantId), eq(consents.id, c.id))),
    ),
  ];
  if (caseIds.length) {
    statements.push(
      db.update(caseNotes).set({ body: ERASED }).where(and(eq(caseNotes.tenantId, t.tenantId), inArray(caseNotes.caseId, caseIds))) as never,
      // The idempotency record of each submission: its body is {id, reference, kind, status}
      // (nothing personal), its request hash is a SHA-256 of the submitted personal data.
      db
        .update(idempotencyKeys)
        .set({ requestHash: ERASED_REQUEST_HASH })
        .where(and(eq(idempotencyKeys.tenantId, t.tenantId), inArray(sql`json_extract(${idempotencyKeys.body}, '$.id')`, caseIds))) as never,
    );
  }
  return statements;
}
