import { and, eq, inArray } from 'drizzle-orm';
import { CASE_KINDS, type CaseKind } from '../../../sdk/src/schemas/case.js';
import { DEFAULT_RETENTION, type RetentionBasis, type RetentionPoliciesPutOutput, type RetentionPolicy } from '../../../sdk/src/admin/retention.js';
import { auditInsert, type AuditWriter } from '../audit/log.js';
import type { Actor } from '../anonymise/index.js';
import { retentionPolicies } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { uuidv7 } from '../lib/ids.js';

/** Every kind's policy for a tenant: its own row, else {@link DEFAULT_RETENTION}. */
export async function loadPolicies(db: Db, tenantId: string): Promise<Record<CaseKind, RetentionPolicy>> {
  const rows = await db.select().from(retentionPolicies).where(eq(retentionPolicies.tenantId, tenantId));
  const own = new Map(rows.map((r) => [r.kind, r]));
  const out = {} as Record<CaseKind, RetentionPolicy>;
  for (const kind of CASE_KINDS) {
    const row = own.get(kind);
    out[kind] = row
      ? { kind, basis: row.basis as RetentionBasis, months: row.months, isDefault: false, updatedAt: row.updatedAt }
      : { kind, ...DEFAULT_RETENTION[kind], isDefault: true, updatedAt: null };
  }
  return out;
}

export const policyList = (p: Record<CaseKind, RetentionPolicy>) => ({ policies: CASE_KINDS.map((k) => p[k]) });

/**
 * Sets (or, with `null`, removes) the named kinds' policies in ONE batch with the audit
 * entry `retention.policies_updated` (entity `retention_policies`, id = tenant id; fields
 * name the kinds and parts set: `repair.basis`, `repair.months`, `registration` for a reset).
 */
export async function savePolicies(db: Db, audit: AuditWriter, o: { tenantId: string; actor: Actor; now: number; patch: RetentionPoliciesPutOutput }) {
  const set = CASE_KINDS.flatMap((kind) => (o.patch[kind] ? [{ kind, ...o.patch[kind]! }] : []));
  const reset = CASE_KINDS.filter((kind) => o.patch[kind] === null);
  const fields = [...set.flatMap((p) => [`${p.kind}.basis`, `${p.kind}.months`]), ...reset];
  const entry = { id: uuidv7(o.now), at: o.now, ...o.actor, action: 'retention.policies_updated', entityType: 'retention_policies', entityId: o.tenantId, fields };
  await audit.withAppend(o.tenantId, [entry], (rows) => {
    const statements = [
      ...set.map((p) =>
        db
          .insert(retentionPolicies)
          .values({ tenantId: o.tenantId, kind: p.kind, basis: p.basis, months: p.months, updatedAt: o.now })
          .onConflictDoUpdate({ target: [retentionPolicies.tenantId, retentionPolicies.kind], set: { basis: p.basis, months: p.months, updatedAt: o.now } }),
      ),
      ...(reset.length ? [db.delete(retentionPolicies).where(and(eq(retentionPolicies.tenantId, o.tenantId), inArray(retentionPolicies.kind, reset)))] : []),
      auditInsert(db, rows),
    ];
    return db.batch(statements as unknown as Parameters<Db['batch']>[0]);
  });
}
