import { asc, desc, eq, and, lt, sql } from 'drizzle-orm';
import { CompactSign } from 'jose';
import { auditCheckpoints } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { uuidv7 } from '../lib/ids.js';
import type { AuditCheckpoint, CheckpointPayload } from '../../../sdk/src/admin/audit.js';
import type { SigningKey } from './signing-key.js';

/** Tenants signed per run at most; the rest waits for the next run (`more`). */
export const MAX_TENANTS_PER_RUN = 500;
/** Rows per INSERT: 6 columns × 16 = 96 bound parameters, under D1's 100. */
const ROWS_PER_INSERT = 16;

/** Signs the claims as a compact JWS (protected header: alg EdDSA, kid). */
export async function signCheckpoint(key: SigningKey, payload: CheckpointPayload): Promise<string> {
  const body = JSON.stringify({ tenantId: payload.tenantId, seq: payload.seq, hash: payload.hash, at: payload.at });
  return new CompactSign(new TextEncoder().encode(body)).setProtectedHeader({ alg: 'EdDSA', kid: key.kid }).sign(key.privateKey);
}

type Head = { tenantId: string; seq: number; hash: string };

/** Chains (tenants, and `_platform`) whose head is past their newest checkpoint, or that have none. */
async function headsToSign(db: Db, limit: number): Promise<Head[]> {
  const rows = await db.all<{ tenant_id: string; seq: number; entry_hash: string }>(sql`
    SELECT a.tenant_id, a.seq, a.entry_hash
    FROM (SELECT tenant_id, MAX(seq) AS seq FROM audit_log GROUP BY tenant_id) h
    JOIN audit_log a ON a.tenant_id = h.tenant_id AND a.seq = h.seq
    LEFT JOIN (SELECT tenant_id, MAX(seq) AS seq FROM audit_checkpoints GROUP BY tenant_id) c ON c.tenant_id = h.tenant_id
    WHERE c.seq IS NULL OR c.seq < h.seq
    ORDER BY a.tenant_id
    LIMIT ${limit}`);
  return rows.map((r) => ({ tenantId: r.tenant_id, seq: Number(r.seq), hash: r.entry_hash }));
}

export type CheckpointRun = { created: number; tenants: number; more: boolean };

/**
 * R17: signs, for every chain with entries after its newest checkpoint, a checkpoint of its
 * head {tenantId, seq, hash, at} and stores it in `audit_checkpoints` (append-only). Safe to
 * run twice at once: the unique (tenant, seq) index keeps one checkpoint per head.
 */
export async function createCheckpoints(db: Db, key: SigningKey, now: number, o: { maxTenants?: number } = {}): Promise<CheckpointRun> {
  const max = o.maxTenants ?? MAX_TENANTS_PER_RUN;
  const heads = await headsToSign(db, max + 1);
  const todo = heads.slice(0, max);
  const rows = [];
  for (const h of todo) {
    const jws = await signCheckpoint(key, { tenantId: h.tenantId, seq: h.seq, hash: h.hash, at: now });
    rows.push({ id: uuidv7(now), tenantId: h.tenantId, seq: h.seq, entryHash: h.hash, at: now, jws });
  }
  const inserts = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) inserts.push(db.insert(auditCheckpoints).values(rows.slice(i, i + ROWS_PER_INSERT)).onConflictDoNothing());
  if (inserts.length) await db.batch(inserts as [(typeof inserts)[0], ...typeof inserts]);
  return { created: rows.length, tenants: todo.length, more: heads.length > max };
}

/**
 * R17: the newest entry of a tenant's chain, signed. The bundle export calls this so the entries
 * after the last hourly checkpoint are signed too: without it, the tail of an exported bundle
 * could be rewritten (and re-chained) with nothing to catch it. Stores the checkpoint like the
 * hourly job does (the unique (tenant, seq) index keeps one per head; a concurrent signer of the
 * same head wins and its row is the one returned). Null for an empty log.
 */
export async function checkpointHead(db: Db, key: SigningKey, tenantId: string, now: number): Promise<AuditCheckpoint | null> {
  const [head] = await db.all<{ seq: number; entry_hash: string }>(sql`
    SELECT seq, entry_hash FROM audit_log WHERE tenant_id = ${tenantId} ORDER BY seq DESC LIMIT 1`);
  if (!head) return null;
  const seq = Number(head.seq);
  const jws = await signCheckpoint(key, { tenantId, seq, hash: head.entry_hash, at: now });
  await db.insert(auditCheckpoints).values({ id: uuidv7(now), tenantId, seq, entryHash: head.entry_hash, at: now, jws }).onConflictDoNothing();
  const [row] = await db.select().from(auditCheckpoints).where(and(eq(auditCheckpoints.tenantId, tenantId), eq(auditCheckpoints.seq, seq))).limit(1);
  return row ? { id: row.id, seq: row.seq, hash: row.entryHash, at: row.at, jws: row.jws } : null;
}

/** A tenant's checkpoints, oldest first (for verification and the bundle). */
export async function readCheckpoints(db: Db, tenantId: string): Promise<AuditCheckpoint[]> {
  const rows = await db.select().from(auditCheckpoints).where(eq(auditCheckpoints.tenantId, tenantId)).orderBy(asc(auditCheckpoints.seq));
  return rows.map((r) => ({ id: r.id, seq: r.seq, hash: r.entryHash, at: r.at, jws: r.jws }));
}

/** A page of a tenant's checkpoints, newest first; `before` = the last seq seen. */
export async function checkpointPage(db: Db, tenantId: string, o: { before?: number; limit: number }) {
  const rows = await db
    .select()
    .from(auditCheckpoints)
    .where(and(eq(auditCheckpoints.tenantId, tenantId), o.before !== undefined ? lt(auditCheckpoints.seq, o.before) : undefined))
    .orderBy(desc(auditCheckpoints.seq))
    .limit(o.limit + 1);
  const page = rows.slice(0, o.limit);
  return { items: page.map((r) => ({ id: r.id, seq: r.seq, hash: r.entryHash, at: r.at, jws: r.jws })), nextCursor: rows.length > o.limit && page.length ? String(page.at(-1)!.seq) : null };
}
