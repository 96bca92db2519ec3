import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { exportLog, users } from '../../db/schema.js';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import type { AuditLogPage, AuditVerifyResult, ExportLogEntry, ExportLogPage } from '../../../../sdk/src/admin/exports.js';
import type { Principal } from '../principal.js';
import { EXPORT_KINDS, recordExport } from './record.js';
import { EXPORT_LOG_KINDS } from '../../../../sdk/src/admin/exports.js';

let h: AdminHarness;
let now = Date.UTC(2026, 10, 20, 9, 0, 0);
beforeEach(async () => {
  now = Date.UTC(2026, 10, 20, 9, 0, 0);
  h = await makeAdminHarness({ clock: { now: () => now } });
});
afterEach(() => h.dispose());

const principalOf = (id: string, tenantId: string, type: Principal['type'] = 'user'): Principal => ({
  type, id, tenantId, role: 'staff', partnerOrgId: null, partnerType: null, sessionId: null, displayName: 'x', locale: 'nl',
});
const logRows = (tenantId: string) => h.db.select().from(exportLog).where(eq(exportLog.tenantId, tenantId));

/** Three earlier exports by a staff user, one minute apart. */
async function seedLog() {
  const staff = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff', loginCode: 'piet-staff' });
  for (let i = 0; i < 3; i++) {
    await recordExport(h.db, { principal: principalOf(staff.id, h.tenant.tenantId), tenantId: h.tenant.tenantId, ip: `198.51.100.${i}`, kind: 'cases_csv', filter: { status: 'new', q: 'jan@example.nl' }, rowCount: 10 + i, now: now - (3 - i) * 60_000 });
  }
  return staff;
}

describe('GET /logs/exports', () => {
  it('lists the export log newest first with the actor named, keyset-paged, search text redacted', async () => {
    const staff = await seedLog();
    const { auth } = await h.as('auditor');
    const first = await h.admin('/logs/exports?limit=2', { as: auth });
    expect(first.status).toBe(200);
    const p1 = (await first.json()) as ExportLogPage;
    expect(p1.items.map((e) => e.rowCount)).toEqual([12, 11]);
    expect(p1.items[0]).toMatchObject({
      at: new Date(now - 60_000).toISOString(), ip: '198.51.100.2', kind: 'cases_csv', filter: { status: 'new', q: '[search]' },
      actor: { type: 'user', id: staff.id, displayName: 'Test staff', loginCode: 'piet-staff', keyName: null },
    });
    expect(p1.nextCursor).toBeTruthy();
    const p2 = (await (await h.admin(`/logs/exports?limit=2&cursor=${p1.nextCursor}`, { as: auth })).json()) as ExportLogPage;
    expect(p2.items.map((e) => e.rowCount)).toEqual([10]);
    expect(p2.nextCursor).toBeNull();
    expect(JSON.stringify([p1, p2])).not.toContain('jan@example.nl');
  });

  it('names an API key actor by its key name, and shows no other tenant\'s entries', async () => {
    await recordExport(h.db, { principal: principalOf('k-1', h.other.tenantId, 'api_key'), tenantId: h.other.tenantId, ip: '192.0.2.1', kind: 'cases_json', filter: {}, rowCount: 1, now });
    const key = await h.keyFor({ role: 'owner', name: 'ERP koppeling' });
    const { auth: owner } = await h.as('owner');
    // The key exports the log (its own row is the one entry of this tenant).
    expect((await h.admin('/logs/exports.json', { as: key })).status).toBe(200);
    const page = (await (await h.admin('/logs/exports', { as: owner })).json()) as ExportLogPage;
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.actor).toMatchObject({ type: 'api_key', keyName: 'ERP koppeling', displayName: null });
    expect(JSON.stringify(page)).not.toContain('192.0.2.1');
  });

  it('refuses bad paging input with per-field errors', async () => {
    const { auth } = await h.as('owner');
    for (const [q, path] of [['limit=0', 'limit'], ['limit=abc', 'limit'], ['limit=500', 'limit'], ['cursor=../x', 'cursor'], ['cursor=123_nope', 'cursor'], ['status=new', 'status']] as const) {
      const res = await h.admin(`/logs/exports?${q}`, { as: auth });
      expect(res.status, q).toBe(422);
      const body = (await res.json()) as { code: string; errors: { path: string }[] };
      expect(body.code).toBe('validation_failed');
      expect(body.errors.map((e) => e.path)).toContain(path);
    }
  });

  it('is for owners and auditors only (logs.read)', async () => {
    const org = await h.addOrg(h.tenant.tenantId, 'carrier');
    for (const role of ['staff', 'partner', 'operator'] as const) {
      const { auth } = await h.as(role, role === 'partner' ? { partnerOrgId: org } : {});
      for (const path of ['/logs/exports', '/logs/exports.csv', '/logs/exports.json', '/logs/audit', '/logs/audit/verify']) {
        expect((await h.admin(path, { as: auth })).status, `${role} ${path}`).toBe(403);
      }
    }
    expect(await logRows(h.tenant.tenantId)).toHaveLength(0);
    expect((await h.admin('/logs/exports', { as: null })).status).toBe(401);
  });
});

describe('GET /logs/exports.csv and .json (R8)', () => {
  it('records the log download in the log first: its own row is the first row it sends', async () => {
    await seedLog();
    now += 3_600_000;
    const { user, auth } = await h.as('auditor');
    const res = await h.admin('/logs/exports.csv?delimiter=semicolon', { as: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="aftercare-export-log-2026-11-20.csv"');
    // Written before the body was read.
    const rows = await logRows(h.tenant.tenantId);
    const own = rows.find((r) => r.kind === 'export_log_csv')!;
    expect(own).toMatchObject({ actorType: 'user', actorId: user.id, ip: '203.0.113.7', rowCount: 4, at: now, filter: '{}' });
    expect(res.headers.get('x-aftercare-export-id')).toBe(own.id);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFFid;at;actorType;actorId;actorName;actorLoginCode;actorKeyName;ip;kind;filter;rowCount\r\n')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]!.startsWith(`${own.id};`)).toBe(true);
    expect(lines[1]).toContain(';export_log_csv;');
    expect(lines[4]).toContain(';10');
  });

  it('guards actor names against formula injection in the CSV', async () => {
    const staff = await seedLog();
    await h.db.update(users).set({ displayName: '=HYPERLINK("https://evil.example")' }).where(eq(users.id, staff.id));
    const { auth } = await h.as('owner');
    const text = await (await h.admin('/logs/exports.csv', { as: auth })).text();
    expect(text).toContain(`"'=HYPERLINK(""https://evil.example"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('sends JSON entries, its own first, and refuses unknown parameters without logging', async () => {
    await seedLog();
    const { auth } = await h.as('owner');
    const bad = await h.admin('/logs/exports.json?status=new', { as: auth });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('status');
    expect((await h.admin('/logs/exports.csv?delimiter=tab', { as: auth })).status).toBe(422);
    expect(await logRows(h.tenant.tenantId)).toHaveLength(3);
    const res = await h.admin('/logs/exports.json', { as: auth });
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const entries = (await res.json()) as ExportLogEntry[];
    expect(entries.map((e) => e.kind)).toEqual(['export_log_json', 'cases_csv', 'cases_csv', 'cases_csv']);
    expect(entries[0]!.rowCount).toBe(4);
  });
});

describe('export log is append-only (migration 0003)', () => {
  it('refuses UPDATE and DELETE', async () => {
    await seedLog();
    const refusal = (p: Promise<unknown>) => p.then(() => 'accepted', (e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message));
    expect(await refusal(h.db.run(sql`UPDATE export_log SET row_count = 0`))).toMatch(/export_log is append-only/);
    expect(await refusal(h.db.run(sql`DELETE FROM export_log`))).toMatch(/export_log is append-only/);
    await expect(h.db.run(sql`DELETE FROM export_subjects`)).resolves.toBeDefined(); // empty: nothing to refuse
    expect(await logRows(h.tenant.tenantId)).toHaveLength(3);
    expect((await logRows(h.tenant.tenantId)).map((r) => r.rowCount).sort()).toEqual([10, 11, 12]);
  });
});

describe('GET /logs/audit', () => {
  it('pages the tenant\'s audit log by seq, newest first, actors named; consumers stay ids', async () => {
    await h.submitCase();
    await h.submitOtherCase();
    const { auth } = await h.as('auditor');
    const res = await h.admin('/logs/audit?limit=2', { as: auth });
    expect(res.status).toBe(200);
    const page = (await res.json()) as AuditLogPage;
    expect(page.items[0]).toMatchObject({ action: 'case.created', entityType: 'case', actor: { type: 'consumer', displayName: null, loginCode: null } });
    expect(page.items[0]!.seq).toBeGreaterThan(page.items[1]!.seq);
    const all: AuditLogPage['items'] = [...page.items];
    let cursor = page.nextCursor;
    while (cursor) {
      const next = (await (await h.admin(`/logs/audit?limit=2&cursor=${cursor}`, { as: auth })).json()) as AuditLogPage;
      all.push(...next.items);
      cursor = next.nextCursor;
    }
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: all.length }, (_, i) => all.length - i));
    expect(JSON.stringify(all)).not.toContain('jan@example.nl');
    expect((await h.admin('/logs/audit?cursor=abc', { as: auth })).status).toBe(422);
  });

  it('verifies the chain, and reports the first broken seq after tampering', async () => {
    await h.submitCase();
    await h.submitCase();
    const { auth } = await h.as('auditor');
    const ok = (await (await h.admin('/logs/audit/verify', { as: auth })).json()) as AuditVerifyResult;
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(ok.count).toBeGreaterThanOrEqual(3);
    expect(ok.head).toMatch(/^[0-9a-f]{64}$/);
    // Someone with the database file edits an entry behind the triggers' back.
    await h.db.run(sql`DROP TRIGGER audit_log_no_update`);
    await h.db.run(sql`UPDATE audit_log SET fields = '[]' WHERE tenant_id = ${h.tenant.tenantId} AND seq = 2`);
    const bad = (await (await h.admin('/logs/audit/verify', { as: auth })).json()) as AuditVerifyResult;
    expect(bad).toMatchObject({ ok: false, brokenAt: 2, count: ok.count });
  });
});

it('the sdk lists the same export-log kinds as the worker', () => {
  expect([...EXPORT_LOG_KINDS].sort()).toEqual([...EXPORT_KINDS].sort());
});
