import { and, eq, isNull } from 'drizzle-orm';
import { notices, subprocessorObjections, subprocessors, tenants } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { auditInsert, type AuditWriter } from '../audit/log.js';
import { uuidv7 } from '../lib/ids.js';
import { outboxStatement, subprocessorAnnouncedData } from '../webhooks/index.js';
import type { SubprocessorRow } from './subprocessors.js';

/** The audit chain of operator actions that belong to no tenant. */
export const PLATFORM_CHAIN = '_platform';

/** Notices per INSERT: 5 bound values a row (read_at/read_by are literal nulls), so 75 per statement, under D1's 100-parameter limit. */
const NOTICE_CHUNK = 15;

type NewSubprocessor = Pick<SubprocessorRow, 'name' | 'purpose' | 'location' | 'safeguards' | 'startDate'>;

/**
 * R21: records a sub-processor and, in the SAME batch, a notice (kind `subprocessor`) for every
 * tenant, a `subprocessor.announced` webhook outbox row for every tenant with a webhook
 * endpoint, and the operator's audit entry (chain `_platform`). All or nothing.
 */
export async function announceSubprocessor(db: Db, audit: AuditWriter, o: { sp: NewSubprocessor; operatorId: string; now: number }) {
  const { now } = o;
  const row: SubprocessorRow = { id: uuidv7(now), ...o.sp, createdAt: now, endedAt: null };
  const all = await db.select({ id: tenants.id, webhookUrl: tenants.webhookUrl }).from(tenants);
  const noticeRows = all.map((t) => ({ id: uuidv7(now), tenantId: t.id, kind: 'subprocessor', refId: row.id, createdAt: now }));
  const data = subprocessorAnnouncedData(row);
  const hooked = all.filter((t) => t.webhookUrl);
  const entry = { id: uuidv7(now), at: now, actorType: 'operator' as const, actorId: o.operatorId, action: 'subprocessor.created', entityType: 'subprocessor', entityId: row.id, fields: ['name', 'purpose', 'location', 'safeguards', 'startDate'] };
  await audit.withAppend(PLATFORM_CHAIN, [entry], (rows) => {
    const statements = [
      db.insert(subprocessors).values(row),
      ...chunks(noticeRows, NOTICE_CHUNK).map((chunk) => db.insert(notices).values(chunk)),
      ...hooked.map((t) => outboxStatement(db, { tenantId: t.id, event: 'subprocessor.announced', data, now })),
      auditInsert(db, rows),
    ];
    return db.batch(statements as unknown as [(typeof statements)[0], ...(typeof statements)[number][]]);
  });
  return { row, noticesCreated: noticeRows.length, webhooksQueued: hooked.length };
}

/** Ends a sub-processor's use now (with the operator's audit entry); false when it had ended already. */
export async function endSubprocessor(db: Db, audit: AuditWriter, o: { id: string; operatorId: string; now: number }): Promise<boolean> {
  const entry = { id: uuidv7(o.now), at: o.now, actorType: 'operator' as const, actorId: o.operatorId, action: 'subprocessor.ended', entityType: 'subprocessor', entityId: o.id, fields: ['endedAt'] };
  const [current] = await db.select({ endedAt: subprocessors.endedAt }).from(subprocessors).where(eq(subprocessors.id, o.id));
  if (!current || current.endedAt !== null) return false;
  await audit.withAppend(PLATFORM_CHAIN, [entry], (rows) =>
    db.batch([db.update(subprocessors).set({ endedAt: o.now }).where(and(eq(subprocessors.id, o.id), isNull(subprocessors.endedAt))), auditInsert(db, rows)]),
  );
  return true;
}

/** Records a tenant owner's objection (append-only) with the tenant's audit entry, in one batch. */
export async function recordObjection(db: Db, audit: AuditWriter, o: { tenantId: string; subprocessorId: string; userId: string; actorType: 'user' | 'api_key'; reason: string; now: number }) {
  const row = { id: uuidv7(o.now), subprocessorId: o.subprocessorId, tenantId: o.tenantId, userId: o.userId, reason: o.reason, at: o.now };
  const entry = { id: uuidv7(o.now), at: o.now, actorType: o.actorType, actorId: o.userId, action: 'subprocessor.objected', entityType: 'subprocessor', entityId: o.subprocessorId, fields: ['reason'] };
  await audit.withAppend(o.tenantId, [entry], (rows) => db.batch([db.insert(subprocessorObjections).values(row), auditInsert(db, rows)]));
  return row;
}

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
