/**
 * The raw side of bench/intake: the statements `writeCase` sends for one submission
 * (delete-expired idempotency record, subject, product, case, consent, audit row,
 * idempotency record), built with the same drizzle tables and the same values, rendered
 * to SQL + arguments ahead of time so that the timed loop is nothing but `client.batch`.
 */
import { and, eq, lte } from 'drizzle-orm';
import * as v from 'valibot';
import type { InStatement, InValue } from '@libsql/client';
import { CaseInputSchema, type CaseInput, type CaseCreated } from '../../sdk/src/schemas/index.js';
import { cases, consents, idempotencyKeys, products, subjects } from '../../worker/src/db/schema.js';
import type { Db } from '../../worker/src/db/types.js';
import { AuditWriter, auditInsert } from '../../worker/src/audit/log.js';
import { caseReference, uuidv7 } from '../../worker/src/lib/ids.js';
import { sha256Hex } from '../../worker/src/lib/hash.js';

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const fieldNames = (prefix: string, o: object) => Object.keys(o).map((k) => `${prefix}.${k}`);

/** `count` submissions' batches for `tenantId`, audit rows chained after the tenant's head. */
export async function rawBatches(db: Db, tenantId: string, body: CaseInput, count: number, evidence: { ip: string; userAgent: string }): Promise<InStatement[][]> {
  const input = v.parse(CaseInputSchema, body);
  const raw = JSON.stringify(body);
  const audit = new AuditWriter(db);
  const details = 'details' in input ? input.details : {};
  const { subject, product, consent } = input;
  const fields = [...fieldNames('subject', subject), ...fieldNames('product', product), ...fieldNames('details', details), 'consent'];
  const out: InStatement[][] = [];
  for (let i = 0; i < count; i++) {
    const now = Date.now();
    const key = `raw-${i}-${Math.random().toString(36).slice(2)}`;
    const requestHash = await sha256Hex(raw);
    const subjectId = uuidv7(now);
    const productId = uuidv7(now);
    const caseId = uuidv7(now);
    const consentId = uuidv7(now);
    const created: CaseCreated = { id: caseId, reference: caseReference(), kind: input.kind, status: 'new' };
    const entry = { id: uuidv7(now), at: now, actorType: 'consumer' as const, actorId: subjectId, action: 'case.created', entityType: 'case', entityId: caseId, fields };
    // withAppend chains the row after the cached head; the "write" only hands the row back.
    const rows = await audit.withAppend(tenantId, [entry], async (r) => r);
    const queries = [
      db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, key), lte(idempotencyKeys.expiresAt, now))),
      db.insert(subjects).values({ id: subjectId, tenantId, ...subject, houseNumberAddition: subject.houseNumberAddition || null, phone: subject.phone ?? null, createdAt: now, updatedAt: now }),
      db.insert(products).values({ id: productId, tenantId, subjectId, ...product, serialNumber: product.serialNumber || null, retailer: product.retailer || null, proofOfPurchaseRef: product.proofOfPurchaseRef || null, createdAt: now }),
      db.insert(cases).values({ id: caseId, tenantId, reference: created.reference, kind: input.kind, status: created.status, subjectId, productId, details, createdAt: now, updatedAt: now }),
      db.insert(consents).values({ id: consentId, tenantId, caseId, subjectId, consentTextId: consent.textId, textHash: consent.textHash, locale: consent.locale, privacyUrl: consent.privacyUrl, givenAt: now, ...evidence, pageUrl: input.pageUrl ?? null }),
      auditInsert(db, rows),
      db.insert(idempotencyKeys).values({ tenantId, key, requestHash, status: 201, body: JSON.stringify(created), createdAt: now, expiresAt: now + IDEMPOTENCY_TTL_MS }),
    ];
    out.push(queries.map((q) => {
      const { sql, params } = q.toSQL();
      return { sql, args: params as InValue[] };
    }));
  }
  return out;
}
