import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, notices, subprocessorObjections, subprocessors, tenants, webhookOutbox } from '../../db/schema.js';
import { makeAdminHarness, type AdminHarness, type As } from '../../testing/admin-harness.js';
import type { PlatformSubprocessorList, SubprocessorCreated } from '../../../../sdk/src/admin/platform.js';
import type { ObjectionView, TenantSubprocessorList } from '../../../../sdk/src/admin/register.js';

/** R21: the operator's sub-processor list, the notice to every tenant, and owners' objections. */
let h: AdminHarness;
let now = Date.parse('2030-03-01T09:00:00Z');
let operator: As;
let owner: As;
let ownerId: string;
let otherOwner: As;

const valid = { name: 'Mailer Inc.', purpose: 'Transactional e-mail', location: 'US', safeguards: 'EU-US Data Privacy Framework', startDate: '2030-04-01' };
const count = async (table: typeof subprocessors | typeof notices | typeof webhookOutbox | typeof subprocessorObjections) => (await h.db.select({ n: sql<number>`count(*)` }).from(table))[0]!.n;

beforeAll(async () => {
  h = await makeAdminHarness({ clock: { now: () => now } });
  operator = (await h.as('operator')).auth;
  const o = await h.as('owner');
  owner = o.auth;
  ownerId = o.user.id;
  otherOwner = (await h.as('owner', { tenantId: h.other.tenantId })).auth;
  // One tenant has a webhook endpoint, the other does not.
  await h.db.update(tenants).set({ webhookUrl: 'https://hooks.shop.example/aftercare', webhookSecret: 'whsec_test' }).where(eq(tenants.id, h.tenant.tenantId));
}, 60_000);
afterAll(() => h?.dispose());

async function add(body: Record<string, unknown>) {
  const res = await h.admin('/platform/subprocessors', { as: operator, body });
  return { res, json: (await res.json()) as SubprocessorCreated & { errors?: { path: string; code: string }[] } };
}

describe('POST /v1/admin/platform/subprocessors', () => {
  it('refuses bad input with 422 per field and writes nothing', async () => {
    const before = [await count(subprocessors), await count(notices), await count(webhookOutbox)];
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ ...valid, safeguards: undefined }, { safeguards: 'required' }],
      [{ ...valid, safeguards: '  ' }, { safeguards: 'required' }],
      [{ ...valid, location: 'XX' }, { location: 'invalid_country' }],
      [{ ...valid, location: 'Netherlands' }, { location: 'invalid_country' }],
      [{ ...valid, startDate: '2030-02-30' }, { startDate: 'invalid_date' }],
      [{ ...valid, startDate: '2030-03-30' }, { startDate: 'notice_period' }],
      [{ ...valid, startDate: '2029-12-01' }, { startDate: 'notice_period' }],
      [{ name: '', purpose: 'x', location: 'DE', startDate: '2030-04-01', colour: 'red' }, { name: 'required', colour: 'unknown_field' }],
      [{ ...valid, initial: true }, { startDate: 'date_in_future' }],
    ];
    for (const [body, expected] of cases) {
      const { res, json } = await add(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(Object.fromEntries(json.errors!.map((e) => [e.path, e.code])), JSON.stringify(body)).toEqual(expected);
    }
    expect([await count(subprocessors), await count(notices), await count(webhookOutbox)]).toEqual(before);
  });

  it('an EEA location needs no safeguards; the notice period is exactly 30 days', async () => {
    const { res, json } = await add({ name: 'Hosting GmbH', purpose: 'Hosting', location: 'de', startDate: '2030-03-31' });
    expect(res.status).toBe(201);
    expect(json).toMatchObject({ location: 'DE', eea: true, safeguards: null, upcoming: true, startDate: '2030-03-31' });
  });

  it('notifies every tenant in the same batch: one notice each, a webhook where an endpoint is set, an audit entry under _platform', async () => {
    const { res, json } = await add(valid);
    expect(res.status).toBe(201);
    expect(json).toMatchObject({ name: 'Mailer Inc.', location: 'US', eea: false, upcoming: true, endedAt: null, noticesCreated: 2, webhooksQueued: 1 });
    const rows = await h.db.select().from(notices).where(eq(notices.refId, json.id));
    expect(rows.map((n) => n.tenantId).sort()).toEqual([h.tenant.tenantId, h.other.tenantId].sort());
    expect(rows.every((n) => n.kind === 'subprocessor' && n.createdAt === now && n.readAt === null)).toBe(true);
    const hooks = await h.db.select().from(webhookOutbox).where(eq(webhookOutbox.event, 'subprocessor.announced'));
    const mine = hooks.filter((w) => JSON.parse(w.payload).subprocessorId === json.id);
    expect(mine.map((w) => w.tenantId)).toEqual([h.tenant.tenantId]);
    expect(JSON.parse(mine[0]!.payload)).toEqual({ subprocessorId: json.id, name: 'Mailer Inc.', purpose: 'Transactional e-mail', location: 'US', safeguards: 'EU-US Data Privacy Framework', startDate: '2030-04-01' });
    const [entry] = await h.db.select().from(auditLog).where(eq(auditLog.entityId, json.id));
    expect(entry).toMatchObject({ tenantId: '_platform', action: 'subprocessor.created', actorType: 'operator' });
  });

  it('closes the initial list once one was announced with notice', async () => {
    const { res, json } = await add({ ...valid, name: 'Old Host', startDate: '2029-01-01', initial: true });
    expect(res.status).toBe(422);
    expect(json.errors).toEqual([expect.objectContaining({ path: 'initial', code: 'initial_list_closed' })]);
  });

  it('staff and owners may not add one (403)', async () => {
    expect((await h.admin('/platform/subprocessors', { as: owner, body: valid })).status).toBe(403);
  });
});

describe('initial list', () => {
  it('accepts entries that started already while no sub-processor was announced with notice', async () => {
    const fresh = await makeAdminHarness({ clock: { now: () => now } });
    try {
      const op = (await fresh.as('operator')).auth;
      for (const startDate of ['2029-01-01', '2030-03-01']) {
        const res = await fresh.admin('/platform/subprocessors', { as: op, body: { name: `Host ${startDate}`, purpose: 'Hosting', location: 'NL', startDate, initial: true } });
        expect(res.status).toBe(201);
        expect(await res.json()).toMatchObject({ upcoming: false, noticesCreated: 2 });
      }
    } finally {
      fresh.dispose();
    }
  });
});

describe('many tenants', () => {
  it('one notice per tenant across several INSERT chunks, all in the one batch', async () => {
    const fresh = await makeAdminHarness({ clock: { now: () => now } });
    try {
      await fresh.db.insert(tenants).values(Array.from({ length: 38 }, (_, i) => ({
        id: `t-${String(i).padStart(2, '0')}`, name: `Winkel ${i}`, slug: `winkel-${i}`, privacyUrl: 'https://w.example/privacy', kinds: ['repair'], locales: ['nl'], defaultLocale: 'nl', theme: {}, createdAt: now, updatedAt: now,
      })));
      const res = await fresh.admin('/platform/subprocessors', { as: (await fresh.as('operator')).auth, body: valid });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ noticesCreated: 40 });
      const rows = await fresh.db.select({ tenantId: notices.tenantId }).from(notices);
      expect(new Set(rows.map((r) => r.tenantId)).size).toBe(40);
    } finally {
      fresh.dispose();
    }
  });
});

describe('objections', () => {
  let mailer: string;
  beforeAll(async () => {
    mailer = (await h.db.select({ id: subprocessors.id }).from(subprocessors).where(eq(subprocessors.name, 'Mailer Inc.')))[0]!.id;
  });

  it('the tenant list marks upcoming ones and holds only its own objections', async () => {
    const res = await h.admin('/register/subprocessors', { as: (await h.as('auditor')).auth });
    const { items } = (await res.json()) as TenantSubprocessorList;
    expect(items.map((s) => [s.name, s.upcoming])).toEqual([['Hosting GmbH', true], ['Mailer Inc.', true]]);
    expect(items.every((s) => s.objections.length === 0)).toBe(true);
  });

  it('an owner objects: reason, user and time are recorded, audited by field name; a second objection is kept too', async () => {
    const body = { reason: 'Wij willen geen doorgifte van klantgegevens naar de VS.' };
    const res = await h.admin(`/register/subprocessors/${mailer}/objection`, { as: owner, body });
    expect(res.status).toBe(201);
    const made = (await res.json()) as ObjectionView;
    expect(made).toMatchObject({ subprocessorId: mailer, reason: body.reason, userId: ownerId, userName: 'Test owner', at: new Date(now).toISOString() });
    const [row] = await h.db.select().from(subprocessorObjections).where(eq(subprocessorObjections.id, made.id));
    expect(row).toMatchObject({ tenantId: h.tenant.tenantId, userId: ownerId, reason: body.reason, at: now });
    const [entry] = await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, mailer), eq(auditLog.action, 'subprocessor.objected')));
    expect(entry).toMatchObject({ tenantId: h.tenant.tenantId, action: 'subprocessor.objected', actorId: ownerId });
    expect(JSON.parse(entry!.fields)).toEqual(['reason']);
    expect(JSON.stringify(entry)).not.toContain('doorgifte');

    now += 60_000;
    expect((await h.admin(`/register/subprocessors/${mailer}/objection`, { as: owner, body: { reason: 'Aanvulling: ook niet via een back-up.' } })).status).toBe(201);
    const list = (await (await h.admin('/register/subprocessors', { as: owner })).json()) as TenantSubprocessorList;
    expect(list.items.find((s) => s.id === mailer)!.objections.map((o) => o.reason)).toEqual([body.reason, 'Aanvulling: ook niet via een back-up.']);
    // The table refuses changes (append-only).
    await expect(h.db.update(subprocessorObjections).set({ reason: 'x' }).where(eq(subprocessorObjections.id, made.id))).rejects.toThrow();
  });

  it("the other tenant does not see this tenant's objections; the operator sees them with the tenant's name", async () => {
    const other = (await (await h.admin('/register/subprocessors', { as: otherOwner })).json()) as TenantSubprocessorList;
    expect(other.items.flatMap((s) => s.objections)).toEqual([]);
    const op = (await (await h.admin('/platform/subprocessors', { as: operator })).json()) as PlatformSubprocessorList;
    const objections = op.items.find((s) => s.id === mailer)!.objections;
    expect(objections.map((o) => [o.tenantName, o.tenantId])).toEqual([['Fietsenwinkel Test', h.tenant.tenantId], ['Fietsenwinkel Test', h.tenant.tenantId]]);
    expect(objections[0]!.reason).toMatch(/geen doorgifte/);
  });

  it('422 per field for a short reason; 404 for an unknown id; 403 for the auditor; nothing written', async () => {
    const before = await count(subprocessorObjections);
    const short = await h.admin(`/register/subprocessors/${mailer}/objection`, { as: owner, body: { reason: 'nee' } });
    expect(short.status).toBe(422);
    expect(((await short.json()) as { errors: unknown[] }).errors).toEqual([expect.objectContaining({ path: 'reason', code: 'too_short' })]);
    expect((await h.admin('/register/subprocessors/01900000-0000-7000-8000-000000000000/objection', { as: owner, body: { reason: 'Een goede reden om bezwaar te maken.' } })).status).toBe(404);
    expect((await h.admin(`/register/subprocessors/${mailer}/objection`, { as: (await h.as('auditor')).auth, body: { reason: 'Een goede reden om bezwaar te maken.' } })).status).toBe(403);
    expect((await h.admin(`/register/subprocessors/${mailer}/objection`, { as: operator, body: { reason: 'Een goede reden om bezwaar te maken.' } })).status).toBe(403);
    expect(await count(subprocessorObjections)).toBe(before);
  });
});

describe('PATCH /v1/admin/platform/subprocessors/:id (end)', () => {
  it('ends it once (409 after), audited; an objection to an ended one is 409; unknown id 404', async () => {
    const [hosting] = await h.db.select({ id: subprocessors.id }).from(subprocessors).where(eq(subprocessors.name, 'Hosting GmbH'));
    const bad = await h.admin(`/platform/subprocessors/${hosting!.id}`, { as: operator, method: 'PATCH', body: { ended: false } });
    expect(bad.status).toBe(422);
    const res = await h.admin(`/platform/subprocessors/${hosting!.id}`, { as: operator, method: 'PATCH', body: { ended: true } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: hosting!.id, endedAt: new Date(now).toISOString() });
    expect((await h.admin(`/platform/subprocessors/${hosting!.id}`, { as: operator, method: 'PATCH', body: { ended: true } })).status).toBe(409);
    expect((await h.admin(`/register/subprocessors/${hosting!.id}/objection`, { as: owner, body: { reason: 'Te laat, maar toch bezwaar.' } })).status).toBe(409);
    expect((await h.admin('/platform/subprocessors/unknown', { as: operator, method: 'PATCH', body: { ended: true } })).status).toBe(404);
    const entries = await h.db.select().from(auditLog).where(eq(auditLog.entityId, hosting!.id));
    expect(entries.map((e) => [e.tenantId, e.action])).toEqual([['_platform', 'subprocessor.created'], ['_platform', 'subprocessor.ended']]);
  });
});
