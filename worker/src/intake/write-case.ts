import { and, eq, lte } from 'drizzle-orm';
import type { CaseCreated, CaseOutput } from '../../../sdk/src/schemas/index.js';
import { cases, consents, idempotencyKeys, products, subjects } from '../db/schema.js';
import type { Db } from '../db/types.js';
import type { AuditWriter } from '../audit/log.js';
import { auditInsert } from '../audit/log.js';
import { caseReference, uuidv7 } from '../lib/ids.js';
import { isReferenceConflict } from './idempotency.js';

export type Evidence = { ip: string; userAgent: string; pageUrl: string | null };
export type Idempotency = { key: string; requestHash: string; ttlMs: number };

const fieldNames = (prefix: string, o: object) => Object.keys(o).map((k) => `${prefix}.${k}`);

/**
 * Writes subject, product, case, consent evidence (R5), audit entry (R17) and the idempotency
 * record in one `db.batch`: all of it or none of it. Returns the 201 body.
 */
export async function writeCase(db: Db, audit: AuditWriter, tenantId: string, now: number, input: CaseOutput, evidence: Evidence, idem: Idempotency): Promise<CaseCreated> {
  const subjectId = uuidv7(now);
  const productId = uuidv7(now);
  const caseId = uuidv7(now);
  const consentId = uuidv7(now);
  const details = 'details' in input ? input.details : {};
  const { subject, product, consent } = input;
  for (let attempt = 0; ; attempt++) {
    const created: CaseCreated = { id: caseId, reference: caseReference(), kind: input.kind, status: 'new' };
    const fields = [...fieldNames('subject', subject), ...fieldNames('product', product), ...fieldNames('details', details), 'consent'];
    try {
      await audit.withAppend(
        tenantId,
        [{ id: uuidv7(now), at: now, actorType: 'consumer', actorId: subjectId, action: 'case.created', entityType: 'case', entityId: caseId, fields }],
        (rows) =>
          db.batch([
            db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, idem.key), lte(idempotencyKeys.expiresAt, now))),
            db.insert(subjects).values({ id: subjectId, tenantId, ...subject, houseNumberAddition: subject.houseNumberAddition || null, phone: subject.phone ?? null, createdAt: now, updatedAt: now }),
            db.insert(products).values({ id: productId, tenantId, subjectId, ...product, serialNumber: product.serialNumber || null, retailer: product.retailer || null, proofOfPurchaseRef: product.proofOfPurchaseRef || null, createdAt: now }),
            db.insert(cases).values({ id: caseId, tenantId, reference: created.reference, kind: input.kind, status: created.status, subjectId, productId, details, createdAt: now, updatedAt: now }),
            db.insert(consents).values({ id: consentId, tenantId, caseId, subjectId, consentTextId: consent.textId, textHash: consent.textHash, locale: consent.locale, privacyUrl: consent.privacyUrl, givenAt: now, ...evidence }),
            auditInsert(db, rows),
            db.insert(idempotencyKeys).values({ tenantId, key: idem.key, requestHash: idem.requestHash, status: 201, body: JSON.stringify(created), createdAt: now, expiresAt: now + idem.ttlMs }),
          ]),
      );
      return created;
    } catch (err) {
      if (attempt < 3 && isReferenceConflict(err)) continue;
      throw err;
    }
  }
}
