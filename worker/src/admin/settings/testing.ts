import { sql } from 'drizzle-orm';
import type { AdminHarness } from '../../testing/admin-harness.js';

/** Tests only: the rows of every table a settings route may write, to prove a refusal wrote nothing. */
export async function snapshot(h: AdminHarness) {
  const out: Record<string, unknown[]> = {};
  for (const [table, order] of [
    ['tenants', 'id'], ['publishable_keys', 'id'], ['key_origins', 'key_id, origin'], ['consent_texts', 'id'], ['users', 'id'],
    ['partner_orgs', 'id'], ['audit_log', 'tenant_id, seq'],
  ] as const) {
    out[table] = await h.db.all(sql.raw(`SELECT * FROM ${table} ORDER BY ${order}`));
  }
  out.sessions = await h.db.all(sql.raw('SELECT id, revoked_at FROM sessions ORDER BY id'));
  return out;
}

export type AuditRow = { action: string; entity_type: string; entity_id: string; actor_id: string; actor_type: string; fields: string };

/** The tenant's audit entries after `seq`. */
export async function auditAfter(h: AdminHarness, tenantId: string, seq = 0): Promise<AuditRow[]> {
  return h.db.all<AuditRow>(sql`SELECT * FROM audit_log WHERE tenant_id = ${tenantId} AND seq > ${seq} ORDER BY seq`);
}

export async function auditHead(h: AdminHarness, tenantId: string): Promise<number> {
  const [row] = await h.db.all<{ seq: number | null }>(sql`SELECT max(seq) AS seq FROM audit_log WHERE tenant_id = ${tenantId}`);
  return Number(row?.seq ?? 0);
}

/** Reads a JSON answer with its status. */
export async function json<T = Record<string, unknown>>(res: Response | Promise<Response>): Promise<{ status: number; body: T }> {
  const r = await res;
  return { status: r.status, body: (await r.json()) as T };
}

export type Problem = { code: string; errors?: { path: string; code: string }[] };
export const paths = (p: Problem) => (p.errors ?? []).map((e) => `${e.path}:${e.code}`).sort();
