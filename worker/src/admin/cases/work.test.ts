import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminCase } from '../../../../sdk/src/admin/cases.js';
import { CASE_KINDS, type CaseKind } from '../../../../sdk/src/schemas/index.js';
import { cases, partnerOrgs } from '../../db/schema.js';
import { readChain } from '../../audit/log.js';
import { verifyChain } from '../../audit/chain.js';
import { createApp } from '../../app.js';
import { unlimited } from '../../limiter/unlimited.js';
import { caseHarness, type CaseHarness } from './testing.js';

/** Status workflow, assignment and notes: allowed moves, refusals, and nothing written on a refusal. */
let h: CaseHarness;
beforeAll(async () => {
  h = await caseHarness();
});
afterAll(() => h.dispose());

/** Everything a refused write must leave alone. */
async function snapshot() {
  const [notes] = await h.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM case_notes`);
  const rows = await h.db.select().from(cases).orderBy(cases.id);
  return { counts: await h.counts(), notes: notes!.n, rows };
}
const post = (path: string, body: unknown, as = h.owner) => h.admin(path, { as, body });
const problemOf = async (res: Response) => (await res.json()) as { code: string; detail?: string; errors?: { path: string; code: string; message: string }[] };

const PATHS: Record<CaseKind, string[]> = {
  repair: ['scheduled', 'in_progress', 'resolved', 'closed'],
  installation: ['scheduled', 'in_progress', 'resolved', 'closed'],
  complaint: ['in_progress', 'resolved', 'closed'],
  warranty: ['scheduled', 'in_progress', 'resolved', 'closed'],
  return: ['approved', 'received', 'refunded', 'closed'],
  exchange: ['approved', 'received', 'exchanged', 'closed'],
  registration: ['approved', 'closed'],
};

describe('status workflow', () => {
  it('the intake writes `new`, the workflow’s first status', async () => {
    const c = await h.submitCase('registration');
    expect((await (await h.get(c.id)).json()) as AdminCase).toMatchObject({ status: 'new' });
  });

  it.each(CASE_KINDS)('%s: walks its path to closed; closedAt and updatedAt set; audit entries name only the field', async (kind) => {
    const c = await h.submitCase(kind);
    for (const status of PATHS[kind]) {
      h.tick(60_000);
      const res = await post(`/cases/${c.id}/status`, { status });
      expect(res.status, await res.clone().text()).toBe(200);
      const doc = (await res.json()) as AdminCase;
      expect(doc.status).toBe(status);
      expect(doc.updatedAt).not.toBe(doc.createdAt);
      expect(doc.closedAt === null).toBe(status !== 'closed');
    }
    const chain = await readChain(h.db, h.tenant.tenantId);
    const moves = chain.filter((e) => e.entityId === c.id && e.action === 'case.status_changed');
    expect(moves).toHaveLength(PATHS[kind].length);
    for (const e of moves) expect(e.fields).toEqual(['status']);
    expect((await verifyChain(chain)).ok).toBe(true);
  });

  it.each<[CaseKind, string[], string, string]>([
    ['repair', [], 'closed', 'scheduled, in_progress, cancelled'],
    ['repair', [], 'approved', 'scheduled, in_progress, cancelled'],
    ['return', [], 'scheduled', 'approved, rejected, cancelled'],
    ['return', ['rejected'], 'refunded', 'closed'],
    ['exchange', ['approved'], 'exchanged', 'received, cancelled'],
    ['registration', ['approved'], 'cancelled', 'closed'],
    ['complaint', ['in_progress', 'resolved', 'closed'], 'new', 'none'],
  ])('%s after %j → %s: 409 invalid_transition listing %s, nothing written', async (kind, before, to, allowed) => {
    const c = await h.submitCase(kind);
    for (const s of before) expect((await post(`/cases/${c.id}/status`, { status: s })).status).toBe(200);
    const was = await snapshot();
    const res = await post(`/cases/${c.id}/status`, { status: to });
    expect(res.status).toBe(409);
    const p = await problemOf(res);
    expect(p.code).toBe('invalid_transition');
    expect(p.detail).toContain(`Allowed next statuses: ${allowed}`);
    expect(p.errors).toEqual([expect.objectContaining({ path: 'status', code: 'invalid_transition' })]);
    expect(await snapshot()).toEqual(was);
  });

  it('two processes moving the same case at once: one wins, the other is refused, the chain stays whole', async () => {
    // A second app = a second process: its own AuditWriter, so appends are not serialised between the two.
    const second = createApp({ db: h.db, clock: { now: () => Date.now() }, rateLimiter: unlimited, clientIp: () => '203.0.113.8' });
    for (let round = 0; round < 5; round++) {
      const c = await h.submitCase('return');
      const call = (app: typeof second, status: string) =>
        app.request(`/v1/admin/cases/${c.id}/status`, { method: 'POST', headers: { authorization: `Bearer ${(h.owner as { bearer: string }).bearer}`, 'content-type': 'application/json' }, body: JSON.stringify({ status }) });
      const [a, b] = await Promise.all([call(h.app, 'approved'), call(second, 'rejected')]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const [row] = await h.db.select().from(cases).where(eq(cases.id, c.id));
      const winner = a.status === 200 ? 'approved' : 'rejected';
      expect(row!.status).toBe(winner);
      const moves = (await readChain(h.db, h.tenant.tenantId)).filter((e) => e.entityId === c.id && e.action === 'case.status_changed');
      expect(moves).toHaveLength(1);
    }
    expect((await verifyChain(await readChain(h.db, h.tenant.tenantId))).ok).toBe(true);
  });

  it('cancelled from a non-final status closes the case', async () => {
    const c = await h.submitCase('installation');
    await post(`/cases/${c.id}/status`, { status: 'scheduled' });
    const doc = (await (await post(`/cases/${c.id}/status`, { status: 'cancelled' })).json()) as AdminCase;
    expect(doc.status).toBe('cancelled');
    expect(doc.closedAt).not.toBeNull();
  });

  it('bad bodies: 422 per field, 400, 415; nothing written', async () => {
    const c = await h.submitCase('repair');
    const was = await snapshot();
    const cases422: [unknown, string, string][] = [
      [{ status: 'flying' }, 'status', 'invalid_value'],
      [{}, 'status', 'required'],
      [{ status: 'scheduled', extra: 1 }, 'extra', 'unknown_field'],
      [[], '', 'invalid_type'],
    ];
    for (const [body, path, code] of cases422) {
      const res = await post(`/cases/${c.id}/status`, body);
      expect(res.status).toBe(422);
      expect((await problemOf(res)).errors).toContainEqual(expect.objectContaining({ path, code }));
    }
    expect((await post(`/cases/${c.id}/status`, '{not json')).status).toBe(400);
    expect((await h.admin(`/cases/${c.id}/status`, { as: h.owner, body: 'status=closed', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
    expect(await snapshot()).toEqual(was);
  });

  it('another tenant’s case is 404 (even with a bad body); an auditor is 403; a session write needs CSRF', async () => {
    const other = await h.submitOtherCase('repair');
    const was = await snapshot();
    expect((await post(`/cases/${other.id}/status`, { status: 'scheduled' })).status).toBe(404);
    expect((await post(`/cases/${other.id}/status`, { status: 'nonsense' })).status).toBe(404);
    const mine = await h.submitCase('repair');
    const after = await snapshot();
    expect((await post(`/cases/${mine.id}/status`, { status: 'scheduled' }, (await h.as('auditor')).auth)).status).toBe(403);
    const staff = await h.as('staff');
    const noCsrf = await h.admin(`/cases/${mine.id}/status`, { as: staff.auth, body: { status: 'scheduled' }, headers: { 'x-aftercare-csrf': '' } });
    expect(noCsrf.status).toBe(403);
    expect((await snapshot()).rows).toEqual(after.rows);
    expect(was.counts.audit_log).toBe(after.counts.audit_log! - 1);
  });
});

describe('assign', () => {
  it('assigns to an active org of the tenant, unassigns with null; audited', async () => {
    const c = await h.submitCase('repair');
    const org = await h.addOrg(h.tenant.tenantId, 'repair_centre', 'Reparatie BV');
    h.tick();
    const res = await post(`/cases/${c.id}/assign`, { organisationId: org });
    expect(res.status).toBe(200);
    expect(((await res.json()) as AdminCase).assignedOrg).toEqual({ id: org, name: 'Reparatie BV', type: 'repair_centre' });
    const same = await snapshot();
    expect((await post(`/cases/${c.id}/assign`, { organisationId: org })).status).toBe(200);
    expect(await snapshot()).toEqual(same); // no change, no audit entry
    const un = await post(`/cases/${c.id}/assign`, { organisationId: null });
    expect(un.status, await un.clone().text()).toBe(200);
    expect(((await un.json()) as AdminCase).assignedOrg).toBeNull();
    const chain = await readChain(h.db, h.tenant.tenantId);
    expect(chain.filter((e) => e.entityId === c.id && e.action === 'case.assigned').map((e) => e.fields)).toEqual([['assignedOrg'], ['assignedOrg']]);
    expect((await verifyChain(chain)).ok).toBe(true);
  });

  it('another tenant’s org, a disabled org, an unknown id: 422 on organisationId; nothing written', async () => {
    const c = await h.submitCase('repair');
    const foreign = await h.addOrg(h.other.tenantId, 'carrier');
    const disabled = await h.addOrg(h.tenant.tenantId, 'carrier');
    await h.db.update(partnerOrgs).set({ disabledAt: Date.now() }).where(eq(partnerOrgs.id, disabled));
    const was = await snapshot();
    for (const organisationId of [foreign, disabled, '01957f48-4e80-7ba9-89c1-c4f4273f19f3']) {
      const res = await post(`/cases/${c.id}/assign`, { organisationId });
      expect(res.status).toBe(422);
      expect((await problemOf(res)).errors).toEqual([expect.objectContaining({ path: 'organisationId', code: 'invalid_value' })]);
    }
    for (const [body, code] of [[{ organisationId: 'acme' }, 'invalid_format'], [{}, 'required']] as const) {
      const res = await post(`/cases/${c.id}/assign`, body);
      expect((await problemOf(res)).errors).toContainEqual(expect.objectContaining({ path: 'organisationId', code }));
    }
    expect(await snapshot()).toEqual(was);
  });

  it('partners cannot assign (403), not even their own case', async () => {
    const org = await h.addOrg(h.tenant.tenantId, 'carrier');
    const c = await h.submitCase('repair');
    await post(`/cases/${c.id}/assign`, { organisationId: org });
    const { auth } = await h.as('partner', { partnerOrgId: org });
    const was = await snapshot();
    expect((await post(`/cases/${c.id}/assign`, { organisationId: null }, auth)).status).toBe(403);
    expect(await snapshot()).toEqual(was);
  });
});

describe('notes', () => {
  it('1..4000 characters, shared optional (default internal); audited without the text', async () => {
    const c = await h.submitCase('repair');
    const res = await post(`/cases/${c.id}/notes`, { body: '  Klant belde: geen tijd op maandag.  ' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ body: 'Klant belde: geen tijd op maandag.', shared: false, author: { name: 'owner key' } });
    const entry = (await readChain(h.db, h.tenant.tenantId)).find((e) => e.entityId === c.id && e.action === 'case.note_added');
    expect(entry?.fields).toEqual(['notes']);
    expect(JSON.stringify(entry)).not.toContain('maandag');
  });

  it.each<[unknown, string, string]>([
    [{ body: '' }, 'body', 'required'],
    [{ body: '   ' }, 'body', 'required'],
    [{ body: 'x'.repeat(4001) }, 'body', 'too_long'],
    [{ body: 'ok', shared: 'yes' }, 'shared', 'invalid_type'],
    [{ text: 'ok' }, 'text', 'unknown_field'],
  ])('%j → 422 on %s (%s), nothing written', async (body, path, code) => {
    const c = await h.submitCase('repair');
    const was = await snapshot();
    const res = await post(`/cases/${c.id}/notes`, body);
    expect(res.status).toBe(422);
    expect((await problemOf(res)).errors).toContainEqual(expect.objectContaining({ path, code }));
    expect(await snapshot()).toEqual(was);
  });

  it('4000 characters is allowed', async () => {
    const c = await h.submitCase('repair');
    expect((await post(`/cases/${c.id}/notes`, { body: 'x'.repeat(4000), shared: true })).status).toBe(201);
  });
});
