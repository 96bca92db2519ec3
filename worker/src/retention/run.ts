import { and, count, eq, inArray } from 'drizzle-orm';
import type { CaseKind } from '../../../sdk/src/schemas/case.js';
import type { KindCounts, RetentionRunReport } from '../../../sdk/src/admin/retention.js';
import { auditInsert, type AuditWriter } from '../audit/log.js';
import { checkpointWal, erasureAuditEntry, erasureStatements, loadErasureTarget, type Actor, type ErasureTarget } from '../anonymise/index.js';
import { cases } from '../db/schema.js';
import type { Db } from '../db/types.js';
import type { Clock } from '../deps.js';
import { acquireLease, newHolder, releaseLease, setLeaseExpiry } from '../jobs/lease.js';
import { uuidv7 } from '../lib/ids.js';
import { dueSubjects } from './due.js';
import { loadPolicies } from './policies.js';
import { runReportEntry } from './report.js';

/** The actor of every anonymisation the retention service does. */
export const RETENTION_ACTOR: Actor = { actorType: 'system', actorId: 'retention' };
/** Subjects per batch: one `db.batch` (atomic) with one audit row each. At most 90 (D1: 100 bound parameters per statement). */
export const DEFAULT_BATCH_SIZE = 50;
export const DEFAULT_MAX_BATCHES = 20;
/** How long a tenant's lease lasts without renewal; renewed after every batch. */
export const TENANT_LEASE_MS = 10 * 60_000;

export type RetentionRunOptions = {
  batchSize?: number;
  /** Stop after this many batches (the rest goes next run; the report says `complete: false`). */
  maxBatches?: number;
  /** Who asked: a user for a manual run (the report is then always written), else the system. */
  actor?: Actor;
  /** Lease holder prefix (the host). */
  holder?: string;
  /** Called after each committed batch (tests use it to kill a run half-way). */
  afterBatch?: (batch: number) => void | Promise<void>;
};

export type RetentionDeps = { db: Db; clock: Clock; audit: AuditWriter };

/**
 * R12: anonymises (R10, same statements and audit entry as `anonymiseSubject`) every subject
 * of the tenant ALL of whose cases have passed their retention end. A subject with any case
 * still within retention — including an open case under a `closed` basis — is kept whole.
 *
 * Bounded: `batchSize` subjects per atomic `db.batch`, at most `maxBatches` per run; a run
 * killed between batches leaves only whole batches behind, and the next run picks up the rest.
 * Safe to run twice at once: the tenant's lease (`retention:<tenant>` in `job_leases`) lets
 * one run work while the other returns `null` at once; a subject already anonymised (by hand,
 * or by a run whose lease expired) is skipped, never erased or audited twice.
 * Writes the run report (`retention.run`, see report.ts) to the tenant's audit log when it
 * anonymised anyone, or always for a manual run. Returns null when another run holds the tenant.
 */
export async function runRetention(deps: RetentionDeps, tenantId: string, o: RetentionRunOptions = {}): Promise<RetentionRunReport | null> {
  const { db, clock, audit } = deps;
  const lease = `retention:${tenantId}`;
  const holder = newHolder(o.holder ?? 'retention');
  if (!(await acquireLease(db, lease, holder, clock.now(), TENANT_LEASE_MS))) return null;
  const batchSize = Math.min(Math.max(o.batchSize ?? DEFAULT_BATCH_SIZE, 1), 90);
  const maxBatches = o.maxBatches ?? DEFAULT_MAX_BATCHES;
  const report: RetentionRunReport = { tenantId, runId: uuidv7(clock.now()), at: clock.now(), subjects: 0, cases: {}, batches: 0, complete: false };
  try {
    const policies = await loadPolicies(db, tenantId);
    while (true) {
      const now = clock.now();
      const ids = await dueSubjects(db, tenantId, policies, now, batchSize);
      if (!ids.length) {
        report.complete = true;
        break;
      }
      if (report.batches >= maxBatches) break;
      const targets = (await Promise.all(ids.map((id) => loadErasureTarget(db, tenantId, id)))).filter((t): t is ErasureTarget => !!t && t.anonymizedAt === null);
      const kinds = await kindCounts(db, tenantId, targets.map((t) => t.subjectId));
      await eraseBatch(db, audit, tenantId, targets, now);
      report.batches += 1;
      report.subjects += targets.length;
      for (const [kind, n] of Object.entries(kinds)) report.cases[kind as CaseKind] = (report.cases[kind as CaseKind] ?? 0) + n;
      await o.afterBatch?.(report.batches);
      // Lost the lease (it expired and another run took the tenant): stop, that run continues.
      if (!(await setLeaseExpiry(db, lease, holder, clock.now() + TENANT_LEASE_MS))) break;
    }
    if (report.subjects > 0) await checkpointWal(db);
    if (report.subjects > 0 || o.actor) {
      const entry = runReportEntry(report, o.actor ?? RETENTION_ACTOR, clock.now());
      await audit.withAppend(tenantId, [entry], (rows) => auditInsert(db, rows));
    }
    return report;
  } finally {
    await releaseLease(db, lease, holder).catch(() => undefined);
  }
}

/** One atomic batch: every target's erasure statements and one audit row per subject. */
async function eraseBatch(db: Db, audit: AuditWriter, tenantId: string, targets: ErasureTarget[], now: number) {
  if (!targets.length) return;
  const entries = targets.map((t) => erasureAuditEntry(t, RETENTION_ACTOR, now));
  await audit.withAppend(tenantId, entries, (rows) =>
    db.batch([...targets.flatMap((t) => erasureStatements(db, t, now)), ...rows.map((r) => auditInsert(db, [r]))] as unknown as Parameters<Db['batch']>[0]),
  );
}

async function kindCounts(db: Db, tenantId: string, subjectIds: string[]): Promise<KindCounts> {
  if (!subjectIds.length) return {};
  const rows = await db
    .select({ kind: cases.kind, n: count() })
    .from(cases)
    .where(and(eq(cases.tenantId, tenantId), inArray(cases.subjectId, subjectIds)))
    .groupBy(cases.kind);
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}
