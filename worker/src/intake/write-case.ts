import { and, eq, lte } from 'drizzle-orm';
import type { CaseCreated, CaseOutput } from '../../../sdk/src/schemas/index.js';
import { cases, consents, idempotencyKeys, products, subjects } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { auditInsert, type AuditWriter } from '../audit/log.js';
import type { ChainedEntry } from '../audit/chain.js';
import { caseReference, uuidv7 } from '../lib/ids.js';
import { isReferenceConflict } from './idempotency.js';
import { outboxStatement } from '../webhooks/outbox.js';
import { caseCreatedData } from '../webhooks/payloads.js';

export type Evidence = { ip: string; userAgent: string; pageUrl: string | null };
export type Idempotency = { key: string; requestHash: string; ttlMs: number };

const fieldNames = (prefix: string, o: object) => Object.keys(o).map((k) => `${prefix}.${k}`);

export type CaseIds = { subjectId: string; productId: string; caseId: string; consentId: string };

export const newCaseIds = (now: number): CaseIds => ({ subjectId: uuidv7(now), productId: uuidv7(now), caseId: uuidv7(now), consentId: uuidv7(now) });

/** R17: the audit entry for a new case — ids and the names of the fields written, no values. */
export function caseAuditEntry(ids: CaseIds, now: number, input: CaseOutput) {
  const details = 'details' in input ? input.details : {};
  const fields = [...fieldNames('subject', input.subject), ...fieldNames('product', input.product), ...fieldNames('details', details), 'consent'];
  return { id: uuidv7(now), at: now, actorType: 'consumer' as const, actorId: ids.subjectId, action: 'case.created', entityType: 'case', entityId: ids.caseId, fields };
}

/**
 * The statements of one submission, in batch order: drop an expired record of the same
 * Idempotency-Key, then subject, product, case, consent evidence (R5), the chained audit
 * row(s), the `case.created` webhook outbox row (only when the tenant has a webhook URL; ids
 * only) and the idempotency record holding the answer.
 */
export function caseStatements(db: Db, tenantId: string, now: number, ids: CaseIds, input: CaseOutput, evidence: Evidence, idem: Idempotency, created: CaseCreated, auditRows: ChainedEntry[]) {
  const { subjectId, productId, caseId, consentId } = ids;
  const details = 'details' in input ? input.details : {};
  const { subject, product, consent } = input;
  return [
    db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, idem.key), lte(idempotencyKeys.expiresAt, now))),
    db.insert(subjects).values({ id: subjectId, tenantId, ...subject, houseNumberAddition: subject.houseNumberAddition || null, phone: subject.phone ?? null, createdAt: now, updatedAt: now }),
    db.insert(products).values({ id: productId, tenantId, subjectId, ...product, serialNumber: product.serialNumber || null, retailer: product.retailer || null, proofOfPurchaseRef: product.proofOfPurchaseRef || null, createdAt: now }),
    db.insert(cases).values({ id: caseId, tenantId, reference: created.reference, kind: input.kind, status: created.status, subjectId, productId, details, createdAt: now, updatedAt: now }),
    db.insert(consents).values({ id: consentId, tenantId, caseId, subjectId, consentTextId: consent.textId, textHash: consent.textHash, locale: consent.locale, privacyUrl: consent.privacyUrl, givenAt: now, ...evidence }),
    auditInsert(db, auditRows),
    outboxStatement(db, { tenantId, event: 'case.created', data: caseCreatedData({ id: caseId, reference: created.reference, kind: input.kind, status: created.status }), now }),
    db.insert(idempotencyKeys).values({ tenantId, key: idem.key, requestHash: idem.requestHash, status: 201, body: JSON.stringify(created), createdAt: now, expiresAt: now + idem.ttlMs }),
  ] as const;
}

/**
 * Writes a submission's statements in one `db.batch`: all of it or none of it. A reference
 * already taken in this tenant (unique index) is drawn again. Returns the 201 body.
 */
export async function writeCase(db: Db, audit: AuditWriter, tenantId: string, now: number, input: CaseOutput, evidence: Evidence, idem: Idempotency): Promise<CaseCreated> {
  const ids = newCaseIds(now);
  const entry = caseAuditEntry(ids, now, input);
  for (let attempt = 0; ; attempt++) {
    const created: CaseCreated = { id: ids.caseId, reference: caseReference(), kind: input.kind, status: 'new' };
    try {
      await audit.withAppend(tenantId, [entry], (rows) => db.batch(caseStatements(db, tenantId, now, ids, input, evidence, idem, created, rows)));
      return created;
    } catch (err) {
      if (attempt < 3 && isReferenceConflict(err)) continue;
      throw err;
    }
  }
}
