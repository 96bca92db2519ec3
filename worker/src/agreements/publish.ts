import { agreementAcceptances, agreements, notices, tenants } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { auditInsert, type AuditWriter } from '../audit/log.js';
import { isUniqueViolation } from '../db/errors.js';
import { uuidv7 } from '../lib/ids.js';
import { PLATFORM_CHAIN } from '../registers/announce.js';
import type { AgreementText } from '../../../sdk/src/admin/agreement.js';
import { defaultAgreementText } from './default-text.js';
import { agreementHash, currentVersion, type AgreementRow } from './store.js';

/** Notices per INSERT (6 bound values a row) under D1's 100-parameter limit. */
const NOTICE_CHUNK = 15;

/** Thrown when another version was published at the same moment (the version number is unique). */
export class VersionConflict extends Error {
  constructor() {
    super('another agreement version was published at the same time');
  }
}

/**
 * R20: publishes the next version (current + 1) and, in the SAME batch, an `agreement` notice
 * for every tenant and the operator's audit entry (`_platform`). Versions are immutable
 * (triggers refuse UPDATE/DELETE). `actor` is the operator, or `system` for the built-in seed.
 */
export async function publishAgreement(db: Db, audit: AuditWriter, o: { text: AgreementText; actor: { actorType: 'operator' | 'system'; actorId: string }; now: number }) {
  const { now } = o;
  const previous = await currentVersion(db);
  const row: AgreementRow = { id: uuidv7(now), version: (previous?.version ?? 0) + 1, text: { nl: o.text.nl, en: o.text.en }, sha256: agreementHash(o.text), publishedAt: now };
  const all = await db.select({ id: tenants.id }).from(tenants);
  const noticeRows = all.map((t) => ({ id: uuidv7(now), tenantId: t.id, kind: 'agreement', refId: row.id, createdAt: now }));
  const entry = { id: uuidv7(now), at: now, ...o.actor, action: 'agreement.published', entityType: 'agreement', entityId: row.id, fields: ['version', 'text', 'sha256'] };
  try {
    await audit.withAppend(PLATFORM_CHAIN, [entry], (rows) => {
      const statements = [db.insert(agreements).values(row), ...chunks(noticeRows, NOTICE_CHUNK).map((c) => db.insert(notices).values(c)), auditInsert(db, rows)];
      return db.batch(statements as unknown as [(typeof statements)[0], ...(typeof statements)[number][]]);
    });
  } catch (err) {
    if (isUniqueViolation(err, 'agreements.version')) throw new VersionConflict();
    throw err;
  }
  return { row, noticesCreated: noticeRows.length };
}

/**
 * Publishes the built-in version 1 (`defaultAgreementText`) when no version exists yet; does
 * nothing otherwise. Safe to run on every start (the Node host's demo setup) or by the first
 * operator; two runs at once publish it once (the other sees `VersionConflict` and stops).
 */
export async function ensureDefaultAgreement(db: Db, audit: AuditWriter, now: number): Promise<{ created: boolean; version: number }> {
  const current = await currentVersion(db);
  if (current) return { created: false, version: current.version };
  try {
    const done = await publishAgreement(db, audit, { text: defaultAgreementText(), actor: { actorType: 'system', actorId: 'agreement-seed' }, now });
    return { created: true, version: done.row.version };
  } catch (err) {
    if (err instanceof VersionConflict) return { created: false, version: 1 };
    throw err;
  }
}

/** Records a tenant owner's acceptance (append-only) with the tenant's audit entry, in one batch. */
export async function recordAcceptance(db: Db, audit: AuditWriter, o: { tenantId: string; agreement: AgreementRow; userId: string; ip: string; now: number }) {
  const row = { id: uuidv7(o.now), tenantId: o.tenantId, agreementId: o.agreement.id, userId: o.userId, ip: o.ip, acceptedAt: o.now };
  const entry = { id: uuidv7(o.now), at: o.now, actorType: 'user' as const, actorId: o.userId, action: 'agreement.accepted', entityType: 'agreement', entityId: o.agreement.id, fields: ['version', 'sha256', 'ip'] };
  await audit.withAppend(o.tenantId, [entry], (rows) => db.batch([db.insert(agreementAcceptances).values(row), auditInsert(db, rows)]));
  return row;
}

export const isDuplicateAcceptance = (err: unknown) => isUniqueViolation(err, 'agreement_acceptances.tenant_id, agreement_acceptances.agreement_id');

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
