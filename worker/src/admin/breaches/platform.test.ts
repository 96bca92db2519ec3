import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, breachTenants, notices, tenants, webhookOutbox } from '../../db/schema.js';
import { makeAdminHarness, type AdminHarness, type As } from '../../testing/admin-harness.js';
import type { PlatformBreachChanged, PlatformBreachList } from '../../../../sdk/src/admin/breaches.js';
import { counts, HOUR, validBreach } from './testing.js';

/** R18, the operator's register: 422 per field, the 48-hour clock per tenant, notices and webhooks in one batch. */
let h: AdminHarness;
let now = Date.parse('2030-03-10T12:00:00Z');
let operator: As;
let operatorId: string;
/** Moves the clock and signs the operator in again (sessions end when idle). */
async function setClock(t: number) {
  now = t;
  operator = await h.sessionFor(operatorId);
}
let A: string;
let B: string;

beforeAll(async () => {
  h = await makeAdminHarness({ clock: { now: () => now } });
  const op = await h.as('operator');
  operator = op.auth;
  operatorId = op.user.id;
  A = h.tenant.tenantId;
  B = h.other.tenantId;
  // Only tenant A has a webhook endpoint.
  await h.db.update(tenants).set({ webhookUrl: 'https://hooks.shop.example/aftercare', webhookSecret: 'whsec_test' }).where(eq(tenants.id, A));
}, 60_000);
afterAll(() => h?.dispose());

type Answer = PlatformBreachChanged & { errors?: { path: string; code: string }[] };
async function call(path: string, method: string, body?: unknown) {
  const res = await h.admin(path, { as: operator, method, body });
  return { res, json: (await res.json()) as Answer };
}
const record = (body: unknown) => call('/platform-breaches', 'POST', body);
const errorsOf = (json: Answer) => Object.fromEntries(json.errors!.map((e) => [e.path, e.code]));

describe('POST /v1/admin/platform-breaches', () => {
  it('refuses bad input with 422 per field and writes nothing', async () => {
    const before = await counts(h);
    const ok = validBreach({ discoveredAt: now - HOUR, tenantIds: [A] });
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ ...ok, discoveredAt: now + 60_000 }, { discoveredAt: 'date_in_future' }],
      [{ ...ok, discoveredAt: new Date(now + 60_000).toISOString() }, { discoveredAt: 'date_in_future' }],
      [{ ...ok, discoveredAt: 'gisteren' }, { discoveredAt: 'invalid_format' }],
      [{ ...ok, discoveredAt: '2030-03-10T09:00:00' }, { discoveredAt: 'invalid_format' }],
      [{ ...ok, discoveredAt: 1.5 }, { discoveredAt: 'invalid_format' }],
      [{ ...ok, dataCategories: ['contact', 'health'] }, { 'dataCategories.1': 'invalid_value' }],
      [{ ...ok, dataCategories: [] }, { dataCategories: 'required' }],
      [{ ...ok, dataCategories: ['contact', 'contact'] }, { dataCategories: 'duplicate' }],
      [{ ...ok, approxSubjects: -1 }, { approxSubjects: 'invalid_value' }],
      [{ ...ok, approxSubjects: 2.5 }, { approxSubjects: 'invalid_type' }],
      [{ ...ok, description: '   ' }, { description: 'required' }],
      [{ ...ok, consequences: 'x'.repeat(4001) }, { consequences: 'too_long' }],
      [{ ...ok, tenantIds: [A, 'no-such-tenant'] }, { 'tenantIds.1': 'unknown_tenant' }],
      [{ ...ok, tenantIds: 'all' }, { tenantIds: 'invalid_type' }],
      [{ ...ok, measures: undefined, colour: 'red' }, { measures: 'required', colour: 'unknown_field' }],
      [{ ...ok, notify: 'yes' }, { notify: 'invalid_type' }],
    ];
    for (const [body, expected] of cases) {
      const { res, json } = await record(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(errorsOf(json), JSON.stringify(body)).toEqual(expected);
    }
    expect(await counts(h)).toEqual(before);
  });

  it('notifies at once: met when recorded 47 h after discovery; one notice per affected tenant, a webhook where an endpoint is set, one audit entry', async () => {
    const { res, json } = await record(validBreach({ discoveredAt: new Date(now - 47 * HOUR).toISOString(), tenantIds: [A, B, A] }));
    expect(res.status).toBe(201);
    expect(json).toMatchObject({ noticesCreated: 2, webhooksQueued: 1, pendingTenants: 0, missedTenants: 0, deadlineAt: new Date(now + HOUR).toISOString() });
    expect(json.tenants.map((t) => [t.tenantId, t.notifiedAt, t.deadline]).sort()).toEqual([[A, new Date(now).toISOString(), 'met'], [B, new Date(now).toISOString(), 'met']].sort());
    const rows = await h.db.select().from(notices).where(eq(notices.refId, json.id));
    expect(rows.map((n) => [n.tenantId, n.kind, n.createdAt, n.readAt]).sort()).toEqual([[A, 'breach', now, null], [B, 'breach', now, null]].sort());
    const hooks = (await h.db.select().from(webhookOutbox).where(eq(webhookOutbox.event, 'breach.notified'))).filter((w) => JSON.parse(w.payload).breachId === json.id);
    expect(hooks.map((w) => w.tenantId)).toEqual([A]);
    expect(JSON.parse(hooks[0]!.payload)).toEqual({
      breachId: json.id, discoveredAt: new Date(now - 47 * HOUR).toISOString(), notifiedAt: new Date(now).toISOString(), deadlineAt: new Date(now + HOUR).toISOString(),
      dataCategories: ['contact', 'address'], approxSubjects: 1200,
    });
    const entries = await h.db.select().from(auditLog).where(eq(auditLog.entityId, json.id));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ tenantId: '_platform', action: 'breach.recorded', actorType: 'operator' });
    expect(entries[0]!.fields).not.toContain('phishing');
  });

  it('missed when notified 49 h after discovery (epoch ms accepted)', async () => {
    const { res, json } = await record(validBreach({ discoveredAt: now - 49 * HOUR, tenantIds: [B] }));
    expect(res.status).toBe(201);
    expect(json.tenants).toEqual([expect.objectContaining({ tenantId: B, deadline: 'missed', notifiedAt: new Date(now).toISOString() })]);
    expect(json.missedTenants).toBe(1);
  });

  it('a breach with no affected tenant is recorded and notifies nobody', async () => {
    const { res, json } = await record(validBreach({ discoveredAt: now - HOUR, tenantIds: [] }));
    expect(res.status).toBe(201);
    expect(json).toMatchObject({ tenants: [], noticesCreated: 0, webhooksQueued: 0 });
  });
});

describe('notify later: pending, then met or missed by the notification time', () => {
  for (const [hours, expected] of [[47, 'met'], [48, 'met'], [49, 'missed']] as const) {
    it(`notified ${hours} h after discovery → ${expected}`, async () => {
      const discovered = now;
      const { json: made } = await record(validBreach({ discoveredAt: discovered, tenantIds: [A], notify: false }));
      expect(made).toMatchObject({ noticesCreated: 0, webhooksQueued: 0, pendingTenants: 1 });
      expect(made.tenants[0]).toMatchObject({ deadline: 'pending', notifiedAt: null });
      expect(await h.db.select().from(notices).where(eq(notices.refId, made.id))).toEqual([]);
      await setClock(discovered + hours * HOUR);
      try {
        const { res, json } = await call(`/platform-breaches/${made.id}/notify`, 'POST', {});
        expect(res.status).toBe(200);
        expect(json).toMatchObject({ noticesCreated: 1, webhooksQueued: 1 });
        expect(json.tenants[0]).toMatchObject({ tenantId: A, deadline: expected, notifiedAt: new Date(now).toISOString() });
        // A second notify has nothing left to do.
        const again = await call(`/platform-breaches/${made.id}/notify`, 'POST', {});
        expect(again.json).toMatchObject({ noticesCreated: 0, webhooksQueued: 0 });
        expect(await h.db.select().from(notices).where(eq(notices.refId, made.id))).toHaveLength(1);
        const hooks = (await h.db.select().from(webhookOutbox).where(eq(webhookOutbox.event, 'breach.notified'))).filter((w) => JSON.parse(w.payload).breachId === made.id);
        expect(hooks).toHaveLength(1);
      } finally {
        await setClock(discovered);
      }
    });
  }

  it('a never-notified breach stays in the register, and turns missed once 48 h have passed', async () => {
    const { json: made } = await record(validBreach({ discoveredAt: now, tenantIds: [B], notify: false }));
    const at = now;
    await setClock(at + 48 * HOUR + 1);
    try {
      const list = (await (await h.admin('/platform-breaches', { as: operator })).json()) as PlatformBreachList;
      const item = list.items.find((b) => b.id === made.id)!;
      expect(item.tenants).toEqual([expect.objectContaining({ tenantId: B, notifiedAt: null, deadline: 'missed', followUp: null })]);
      const [row] = await h.db.select().from(breachTenants).where(and(eq(breachTenants.breachId, made.id), eq(breachTenants.tenantId, B)));
      expect(row!.notifiedAt).toBeNull();
    } finally {
      await setClock(at);
    }
  });
});

describe('PATCH /v1/admin/platform-breaches/:id', () => {
  it('adds measures and affected tenants later; the added tenant is notified then; audit names the fields', async () => {
    const { json: made } = await record(validBreach({ discoveredAt: now - 2 * HOUR, tenantIds: [A] }));
    const { res, json } = await call(`/platform-breaches/${made.id}`, 'PATCH', { measures: 'Ook alle API-sleutels vervangen.', approxSubjects: 1500, addTenantIds: [A, B] });
    expect(res.status).toBe(200);
    expect(json).toMatchObject({ measures: 'Ook alle API-sleutels vervangen.', approxSubjects: 1500, noticesCreated: 1, webhooksQueued: 0 });
    expect(json.tenants.map((t) => t.tenantId).sort()).toEqual([A, B].sort());
    const entries = await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, made.id), eq(auditLog.action, 'breach.updated')));
    expect(JSON.parse(entries[0]!.fields as unknown as string)).toEqual(['measures', 'approxSubjects', 'tenantIds', 'notifiedAt']);
  });

  it('422 per field and 404 for an unknown breach, writing nothing', async () => {
    const { json: made } = await record(validBreach({ discoveredAt: now - HOUR, tenantIds: [] }));
    const before = await counts(h);
    for (const [body, expected] of [
      [{}, { '': 'required' }],
      [{ notify: false }, { '': 'required' }],
      [{ addTenantIds: ['nope'] }, { 'addTenantIds.0': 'unknown_tenant' }],
      [{ measures: '', discoveredAt: now }, { measures: 'required', discoveredAt: 'unknown_field' }],
    ] as const) {
      const { res, json } = await call(`/platform-breaches/${made.id}`, 'PATCH', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(errorsOf(json), JSON.stringify(body)).toEqual(expected);
    }
    expect((await call('/platform-breaches/unknown', 'PATCH', { measures: 'x' })).res.status).toBe(404);
    expect((await call('/platform-breaches/unknown/notify', 'POST', {})).res.status).toBe(404);
    expect((await h.admin('/platform-breaches/unknown', { as: operator })).status).toBe(404);
    expect(await counts(h)).toEqual(before);
  });
});
