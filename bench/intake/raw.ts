/**
 * The raw side of bench/intake: the statements `writeCase` sends for one submission
 * (delete-expired idempotency record, subject, product, case, consent, audit row,
 * idempotency record), built by the app's own `caseStatements`, rendered
 * to SQL + arguments ahead of time so that the timed loop is nothing but `client.batch`.
 */
import * as v from 'valibot';
import type { InStatement, InValue } from '@libsql/client';
import { CaseInputSchema, type CaseInput, type CaseCreated } from '../../sdk/src/schemas/index.js';
import type { Db } from '../../worker/src/db/types.js';
import { AuditWriter } from '../../worker/src/audit/log.js';
import { caseReference } from '../../worker/src/lib/ids.js';
import { sha256Hex } from '../../worker/src/lib/hash.js';
import { caseAuditEntry, caseStatements, newCaseIds } from '../../worker/src/intake/write-case.js';

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** `count` submissions' batches for `tenantId`, audit rows chained after the tenant's head. */
export async function rawBatches(db: Db, tenantId: string, body: CaseInput, count: number, evidence: { ip: string; userAgent: string }): Promise<InStatement[][]> {
  const input = v.parse(CaseInputSchema, body);
  const requestHash = sha256Hex(JSON.stringify(body));
  const audit = new AuditWriter(db);
  const out: InStatement[][] = [];
  for (let i = 0; i < count; i++) {
    const now = Date.now();
    const ids = newCaseIds(now);
    const idem = { key: `raw-${i}-${Math.random().toString(36).slice(2)}`, requestHash, ttlMs: IDEMPOTENCY_TTL_MS };
    const created: CaseCreated = { id: ids.caseId, reference: caseReference(), kind: input.kind, status: 'new' };
    // withAppend chains the row after the cached head; the "write" only hands the row back.
    const rows = await audit.withAppend(tenantId, [caseAuditEntry(ids, now, input)], async (r) => r);
    const queries = caseStatements(db, tenantId, now, ids, input, { ...evidence, pageUrl: input.pageUrl ?? null }, idem, created, rows);
    out.push(queries.map((q) => {
      const { sql, params } = q.toSQL();
      return { sql, args: params as InValue[] };
    }));
  }
  return out;
}
