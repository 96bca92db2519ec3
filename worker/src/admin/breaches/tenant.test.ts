import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, breachTenants, exportLog } from '../../db/schema.js';
import { makeAdminHarness, type AdminHarness, type As } from '../../testing/admin-harness.js';
import type { PlatformBreachChanged, PlatformBreachExport, TenantBreachList, TenantBreachView } from '../../../../sdk/src/admin/breaches.js';
import { counts, HOUR, validBreach } from './testing.js';

/** R18, the tenant's side: only its own notified breaches, no other tenant's name, its follow-up, logged exports. */
let h: AdminHarness;
const now = Date.parse('2030-05-01T08:00:00Z');
let operator: As;
let owner: As;
let ownerId: string;
let auditor: As;
let staff: As;
let otherOwner: As;
let shared: string; // affects both tenants, notified 47 h after discovery
let othersOnly: string; // affects the other tenant only
let unnotified: string; // affects this tenant, never notified

beforeAll(async () => {
  h = await makeAdminHarness({ clock: { now: () => now } });
  operator = (await h.as('operator')).auth;
  const o = await h.as('owner');
  owner = o.auth;
  ownerId = o.user.id;
  auditor = (await h.as('auditor')).auth;
  staff = (await h.as('staff')).auth;
  otherOwner = (await h.as('owner', { tenantId: h.other.tenantId })).auth;
  const record = async (body: unknown) => ((await (await h.admin('/platform-breaches', { as: operator, body })).json()) as PlatformBreachChanged).id;
  shared = await record(validBreach({ discoveredAt: now - 47 * HOUR, tenantIds: [h.tenant.tenantId, h.other.tenantId] }));
  othersOnly = await record(validBreach({ discoveredAt: now - 2 * HOUR, tenantIds: [h.other.tenantId] }));
  unnotified = await record(validBreach({ discoveredAt: now - HOUR, tenantIds: [h.tenant.tenantId], notify: false }));
}, 60_000);
afterAll(() => h?.dispose());

const list = async (as: As) => (await (await h.admin('/breaches', { as })).json()) as TenantBreachList;

describe('GET /v1/admin/breaches', () => {
  it('lists only the breaches this tenant was notified of, with the 48-hour deadline and whether it was met', async () => {
    const mine = await list(owner);
    expect(mine.items.map((b) => b.id)).toEqual([shared]);
    expect(mine.items[0]).toMatchObject({
      discoveredAt: new Date(now - 47 * HOUR).toISOString(), deadlineAt: new Date(now + HOUR).toISOString(), notifiedAt: new Date(now).toISOString(), deadline: 'met', followUp: null,
    });
    expect((await list(otherOwner)).items.map((b) => b.id).sort()).toEqual([shared, othersOnly].sort());
  });

  it('never names another tenant', async () => {
    const text = await (await h.admin(`/breaches/${shared}`, { as: owner })).text();
    expect(text).not.toContain(h.other.tenantId);
    expect(text).not.toContain('Andere Winkel');
    expect(text).not.toContain('tenants');
  });

  it('an unaffected, another tenant\'s or not yet notified breach is 404', async () => {
    for (const id of [othersOnly, unnotified, 'no-such-breach']) {
      expect((await h.admin(`/breaches/${id}`, { as: owner })).status, id).toBe(404);
      expect((await h.admin(`/breaches/${id}/follow-up`, { as: owner, method: 'PUT', body: { reportedToAuthority: false, note: 'Geen risico.' } })).status, id).toBe(404);
    }
  });

  it('owner and auditor read; staff and operators may not', async () => {
    expect((await h.admin('/breaches', { as: auditor })).status).toBe(200);
    expect((await h.admin('/breaches', { as: staff })).status).toBe(403);
    expect((await h.admin('/breaches', { as: operator })).status).toBe(403);
  });
});

describe('PUT /v1/admin/breaches/:id/follow-up', () => {
  it('refuses bad input with 422 per field and writes nothing', async () => {
    const before = await counts(h);
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ reportedToAuthority: true, note: 'Gemeld.' }, { reportedAt: 'required' }],
      [{ reportedToAuthority: false, reportedAt: now, note: 'Niet gemeld.' }, { reportedAt: 'invalid_value' }],
      [{ reportedToAuthority: true, reportedAt: now + 60_000, note: 'Gemeld.' }, { reportedAt: 'date_in_future' }],
      [{ reportedToAuthority: true, reportedAt: now - 48 * HOUR, note: 'Gemeld.' }, { reportedAt: 'before_discovery' }],
      [{ reportedToAuthority: 'ja', note: '' }, { reportedToAuthority: 'invalid_type', note: 'required' }],
      [{ note: 'x', extra: 1 }, { reportedToAuthority: 'required', extra: 'unknown_field' }],
    ];
    for (const [body, expected] of cases) {
      const res = await h.admin(`/breaches/${shared}/follow-up`, { as: owner, method: 'PUT', body });
      const json = (await res.json()) as { errors: { path: string; code: string }[] };
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(Object.fromEntries(json.errors.map((e) => [e.path, e.code])), JSON.stringify(body)).toEqual(expected);
    }
    expect(await counts(h)).toEqual(before);
  });

  it('records the owner\'s follow-up with user and time, and an audit entry by field name', async () => {
    const note = 'Gemeld bij de Autoriteit Persoonsgegevens, meldnummer volgt.';
    const res = await h.admin(`/breaches/${shared}/follow-up`, { as: owner, method: 'PUT', body: { reportedToAuthority: true, reportedAt: new Date(now - HOUR).toISOString(), note } });
    expect(res.status).toBe(200);
    const view = (await res.json()) as TenantBreachView;
    expect(view.followUp).toEqual({ reportedToAuthority: true, reportedAt: new Date(now - HOUR).toISOString(), note, at: new Date(now).toISOString(), userId: ownerId, userName: 'Test owner' });
    const [row] = await h.db.select().from(breachTenants).where(and(eq(breachTenants.breachId, shared), eq(breachTenants.tenantId, h.tenant.tenantId)));
    expect(row).toMatchObject({ reportedToAuthority: true, reportedAt: now - HOUR, followUpNote: note, followUpBy: ownerId, followUpAt: now });
    const [entry] = await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, shared), eq(auditLog.action, 'breach.follow_up')));
    expect(entry).toMatchObject({ tenantId: h.tenant.tenantId, actorType: 'user', actorId: ownerId });
    expect(JSON.stringify(entry)).not.toContain('Autoriteit');
    // The other tenant's row of the same breach is untouched, and the operator sees each tenant's follow-up.
    const [theirs] = await h.db.select().from(breachTenants).where(and(eq(breachTenants.breachId, shared), eq(breachTenants.tenantId, h.other.tenantId)));
    expect(theirs!.followUpAt).toBeNull();
    const op = (await (await h.admin(`/platform-breaches/${shared}`, { as: operator })).json()) as PlatformBreachChanged;
    expect(op.tenants.find((t) => t.tenantId === h.tenant.tenantId)!.followUp).toMatchObject({ reportedToAuthority: true, note, userName: null });
  });

  it('the auditor reads the follow-up but may not record one', async () => {
    const res = await h.admin(`/breaches/${shared}/follow-up`, { as: auditor, method: 'PUT', body: { reportedToAuthority: false, note: 'Geen risico.' } });
    expect(res.status).toBe(403);
    expect(((await list(auditor)).items[0]!.followUp)?.reportedToAuthority).toBe(true);
  });
});

describe('exports', () => {
  const logged = async (id: string) => (await h.db.select().from(exportLog).where(eq(exportLog.id, id)))[0];

  it('tenant CSV and JSON hold only its breaches and are logged', async () => {
    const csv = await h.admin('/breaches/export.csv?delimiter=semicolon', { as: auditor });
    expect(csv.status).toBe(200);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('breachId;discoveredAt;')).toBe(true);
    expect(text).toContain(shared);
    expect(text).not.toContain(othersOnly);
    expect(text).not.toContain(unnotified);
    expect(text).not.toContain(h.other.tenantId);
    expect(await logged(csv.headers.get('x-aftercare-export-id')!)).toMatchObject({ tenantId: h.tenant.tenantId, kind: 'breaches_csv', rowCount: 1, ip: '203.0.113.7' });
    const json = await h.admin('/breaches/export.json', { as: owner });
    const doc = (await json.json()) as { items: TenantBreachView[]; exportId: string };
    expect(doc.items.map((b) => b.id)).toEqual([shared]);
    expect(await logged(doc.exportId)).toMatchObject({ tenantId: h.tenant.tenantId, kind: 'breaches_json', actorId: ownerId, rowCount: 1 });
    expect((await h.admin('/breaches/export.json?delimiter=comma', { as: owner })).status).toBe(422);
  });

  it('the operator\'s export holds every breach, the never-notified one too, and is logged under _platform', async () => {
    const csv = await h.admin('/platform-breaches/export.csv', { as: operator });
    const text = await csv.text();
    for (const id of [shared, othersOnly, unnotified]) expect(text).toContain(id);
    // One row per breach and affected tenant: header + 2 + 1 + 1.
    expect(text.trim().split('\r\n')).toHaveLength(5);
    expect(await logged(csv.headers.get('x-aftercare-export-id')!)).toMatchObject({ tenantId: '_platform', kind: 'platform_breaches_csv', actorType: 'user', rowCount: 4 });
    const doc = (await (await h.admin('/platform-breaches/export.json', { as: operator })).json()) as PlatformBreachExport;
    expect(doc.items.find((b) => b.id === unnotified)!.tenants).toEqual([expect.objectContaining({ notifiedAt: null, deadline: 'pending' })]);
    expect(await logged(doc.exportId)).toMatchObject({ tenantId: '_platform', kind: 'platform_breaches_json', rowCount: 3 });
  });

  it('sends nothing when the log row cannot be written', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await h.db.run(sql.raw(`CREATE TRIGGER test_no_export BEFORE INSERT ON export_log BEGIN SELECT RAISE(ABORT, 'export log unavailable'); END`));
    try {
      for (const [path, as] of [['/breaches/export.csv', owner], ['/breaches/export.json', owner], ['/platform-breaches/export.csv', operator], ['/platform-breaches/export.json', operator]] as const) {
        const res = await h.admin(path, { as });
        expect(res.status, path).toBe(500);
        expect(await res.text(), path).not.toContain(shared);
      }
    } finally {
      await h.db.run(sql.raw('DROP TRIGGER test_no_export'));
      errors.mockRestore();
    }
  });
});
