import { and, eq, inArray, isNull } from 'drizzle-orm';
import { breaches, breachTenants, notices } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { auditInsert, type AuditWriter } from '../audit/log.js';
import { isUniqueViolation } from '../db/errors.js';
import { uuidv7 } from '../lib/ids.js';
import { breachNotifiedData, outboxStatement } from '../webhooks/index.js';
import { PLATFORM_CHAIN } from '../registers/announce.js';
import type { BreachRow } from './views.js';

/**
 * R18: writes to the breach register. Each call is ONE `db.batch`: the change, the notices of
 * the tenants notified by it (kind `breach`), their `breach.notified` webhook outbox rows (for
 * tenants with an endpoint), and the operator's audit entry on the `_platform` chain (field
 * names only). Notifying twice is impossible: `notices_ref` (tenant, kind, ref) is unique, so a
 * concurrent second notification fails as a whole and is answered 409 (`NotifyConflict`).
 */

/** Rows per INSERT, so statements stay under D1's 100 bound parameters. */
const CHUNK = 10;

export class NotifyConflict extends Error {
  constructor() {
    super('breach notification raced with another');
  }
}

type Statement = Parameters<Db['batch']>[0][number];

/** Notices for `tenantIds`, and outbox rows for those with an endpoint (`hooked`; the INSERT … SELECT checks the URL again in the batch). */
function notifyStatements(db: Db, b: BreachRow, tenantIds: readonly string[], now: number, hooked: ReadonlySet<string>): Statement[] {
  const rows = tenantIds.map((tenantId) => ({ id: uuidv7(now), tenantId, kind: 'breach', refId: b.id, createdAt: now }));
  const data = breachNotifiedData(b, now);
  return [
    ...chunks(rows, CHUNK).map((chunk) => db.insert(notices).values(chunk)),
    ...tenantIds.filter((t) => hooked.has(t)).map((tenantId) => outboxStatement(db, { tenantId, event: 'breach.notified', data, now })),
  ] as Statement[];
}

async function run(db: Db, audit: AuditWriter, entry: Entry, statements: Statement[]) {
  try {
    await audit.withAppend(PLATFORM_CHAIN, [entry], (rows) => db.batch([...statements, auditInsert(db, rows)] as unknown as [Statement, ...Statement[]]));
  } catch (err) {
    if (isUniqueViolation(err, 'notices.tenant_id, notices.kind, notices.ref_id') || isUniqueViolation(err, 'breach_tenants.breach_id, breach_tenants.tenant_id')) throw new NotifyConflict();
    throw err;
  }
}

type Entry = { id: string; at: number; actorType: 'operator'; actorId: string; action: string; entityType: string; entityId: string; fields: string[] };
const entry = (now: number, operatorId: string, action: string, breachId: string, fields: string[]): Entry =>
  ({ id: uuidv7(now), at: now, actorType: 'operator', actorId: operatorId, action, entityType: 'breach', entityId: breachId, fields });

export type NewBreach = Pick<BreachRow, 'discoveredAt' | 'description' | 'dataCategories' | 'approxSubjects' | 'consequences' | 'measures'>;
export type Notified = { noticesCreated: number; webhooksQueued: number };

/** Records a breach with its affected tenants; with `notify`, notifies them all now. */
export async function recordBreach(db: Db, audit: AuditWriter, o: { breach: NewBreach; tenantIds: string[]; notify: boolean; operatorId: string; now: number; hooked: ReadonlySet<string> }) {
  const { now } = o;
  const row: BreachRow = { id: uuidv7(now), ...o.breach, recordedAt: now, recordedBy: o.operatorId };
  const affected = o.tenantIds.map((tenantId) => ({ breachId: row.id, tenantId, notifiedAt: o.notify ? now : null }));
  const fields = ['discoveredAt', 'description', 'dataCategories', 'approxSubjects', 'consequences', 'measures', 'tenantIds', ...(o.notify && affected.length ? ['notifiedAt'] : [])];
  await run(db, audit, entry(now, o.operatorId, 'breach.recorded', row.id, fields), [
    db.insert(breaches).values(row),
    ...chunks(affected, CHUNK).map((chunk) => db.insert(breachTenants).values(chunk)),
    ...(o.notify ? notifyStatements(db, row, o.tenantIds, now, o.hooked) : []),
  ] as Statement[]);
  return { row, ...counts(o.notify ? o.tenantIds : [], o.hooked) };
}

export type BreachChanges = Partial<Pick<BreachRow, 'description' | 'consequences' | 'measures' | 'dataCategories' | 'approxSubjects'>>;

/** Later knowledge: replaced fields, added tenants (notified now with `notify`). `fields` names what changed. */
export async function updateBreach(db: Db, audit: AuditWriter, o: { breach: BreachRow; changes: BreachChanges; addTenantIds: string[]; notify: boolean; operatorId: string; now: number; hooked: ReadonlySet<string> }) {
  const { now, breach } = o;
  const fields = [...Object.keys(o.changes), ...(o.addTenantIds.length ? ['tenantIds'] : []), ...(o.notify && o.addTenantIds.length ? ['notifiedAt'] : [])];
  if (!fields.length) return counts([], o.hooked);
  const updated = { ...breach, ...o.changes };
  const added = o.addTenantIds.map((tenantId) => ({ breachId: breach.id, tenantId, notifiedAt: o.notify ? now : null }));
  await run(db, audit, entry(now, o.operatorId, 'breach.updated', breach.id, fields), [
    ...(Object.keys(o.changes).length ? [db.update(breaches).set(o.changes).where(eq(breaches.id, breach.id))] : []),
    ...chunks(added, CHUNK).map((chunk) => db.insert(breachTenants).values(chunk)),
    ...(o.notify ? notifyStatements(db, updated, o.addTenantIds, now, o.hooked) : []),
  ] as Statement[]);
  return counts(o.notify ? o.addTenantIds : [], o.hooked);
}

/** Notifies every affected tenant not notified yet (their `notifiedAt` = now). */
export async function notifyPending(db: Db, audit: AuditWriter, o: { breach: BreachRow; pending: string[]; operatorId: string; now: number; hooked: ReadonlySet<string> }) {
  const { now, breach, pending } = o;
  if (!pending.length) return counts([], o.hooked);
  await run(db, audit, entry(now, o.operatorId, 'breach.notified', breach.id, ['notifiedAt']), [
    ...chunks(pending, 90).map((ids) =>
      db.update(breachTenants).set({ notifiedAt: now }).where(and(eq(breachTenants.breachId, breach.id), inArray(breachTenants.tenantId, ids), isNull(breachTenants.notifiedAt))),
    ),
    ...notifyStatements(db, breach, pending, now, o.hooked),
  ] as Statement[]);
  return counts(pending, o.hooked);
}

const counts = (notified: readonly string[], hooked: ReadonlySet<string>): Notified => ({ noticesCreated: notified.length, webhooksQueued: notified.filter((t) => hooked.has(t)).length });

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
