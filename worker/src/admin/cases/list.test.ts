import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseHarness, type CaseHarness } from './testing.js';

/**
 * GET /v1/admin/cases: filters, sort orders, keyset pages, roles, input errors.
 * Cases go in through the public API at times the test sets.
 */
let h: CaseHarness;
const T0 = Date.parse('2025-03-09T22:59:00Z'); // 23:59 on 9 March in Amsterdam
const T1 = Date.parse('2025-03-09T23:30:00Z'); // 00:30 on 10 March in Amsterdam
let repairOld: { id: string }, repairNew: { id: string }, ret: { id: string }, inst: { id: string };
let carrier: string;

beforeAll(async () => {
  h = await caseHarness();
  h.at(T0);
  repairOld = await h.submitCase('repair');
  h.at(T1);
  repairNew = await h.submitCase('repair');
  h.tick();
  ret = await h.submitCase('return');
  h.tick();
  inst = await h.submitCase('installation');
  h.tick();
  carrier = await h.addOrg(h.tenant.tenantId, 'carrier');
  expect((await h.admin(`/cases/${ret.id}/assign`, { as: h.owner, body: { organisationId: carrier } })).status).toBe(200);
  h.tick();
  expect((await h.admin(`/cases/${repairNew.id}/status`, { as: h.owner, body: { status: 'scheduled' } })).status).toBe(200);
  await h.submitOtherCase('repair');
});
afterAll(() => h.dispose());

const ids = (items: { id?: string }[]) => items.map((i) => i.id);

describe('filters', () => {
  it('lists the tenant’s cases newest first by default, never another tenant’s', async () => {
    const page = await h.list({});
    expect(ids(page.items)).toEqual([inst.id, ret.id, repairNew.id, repairOld.id]);
    expect(page.nextCursor).toBeNull();
  });

  it('kind, status, kind+status', async () => {
    expect(ids((await h.list({ kind: 'repair' })).items)).toEqual([repairNew.id, repairOld.id]);
    expect(ids((await h.list({ status: 'scheduled' })).items)).toEqual([repairNew.id]);
    expect(ids((await h.list({ kind: 'repair', status: 'new' })).items)).toEqual([repairOld.id]);
    expect((await h.list({ kind: 'exchange' })).items).toEqual([]);
  });

  it('assigned organisation, and none for unassigned', async () => {
    expect(ids((await h.list({ org: carrier })).items)).toEqual([ret.id]);
    expect(ids((await h.list({ org: 'none' })).items)).toEqual([inst.id, repairNew.id, repairOld.id]);
    expect((await h.list({ org: '01957f48-4e80-7ba9-89c1-c4f4273f19f3' })).items).toEqual([]);
  });

  it('created date range is inclusive calendar days in Europe/Amsterdam', async () => {
    expect(ids((await h.list({ to: '2025-03-09' })).items)).toEqual([repairOld.id]);
    expect(ids((await h.list({ from: '2025-03-10' })).items)).toEqual([inst.id, ret.id, repairNew.id]);
    expect(ids((await h.list({ from: '2025-03-09', to: '2025-03-10' })).items)).toHaveLength(4);
    expect((await h.list({ from: '2025-03-11' })).items).toEqual([]);
    expect(ids((await h.list({ from: '2025-03-10', to: '2025-03-10', kind: 'repair', status: 'scheduled' })).items)).toEqual([repairNew.id]);
  });

  it('sort by updated, both orders', async () => {
    // repairNew changed status last (its updated time is the latest), ret was assigned before it.
    const desc = ids((await h.list({ sort: 'updated' })).items);
    expect(desc).toEqual([repairNew.id, ret.id, inst.id, repairOld.id]);
    expect(ids((await h.list({ sort: 'updated', order: 'asc' })).items)).toEqual([...desc].reverse());
    expect(ids((await h.list({ order: 'asc' })).items)).toEqual([repairOld.id, repairNew.id, ret.id, inst.id]);
  });
});

describe('roles', () => {
  it('auditors and operators get 403; a partner sees only its organisation’s cases', async () => {
    for (const role of ['auditor', 'operator'] as const) {
      const { auth } = await h.as(role);
      expect((await h.admin('/cases', { as: auth })).status).toBe(403);
    }
    const { auth } = await h.as('partner', { partnerOrgId: carrier });
    expect(ids((await h.list({}, auth)).items)).toEqual([ret.id]);
    expect((await h.list({ org: 'none' }, auth)).items).toEqual([]);
    const other = await h.addOrg(h.tenant.tenantId, 'technician');
    const tech = await h.as('partner', { partnerOrgId: other });
    expect((await h.list({}, tech.auth)).items).toEqual([]);
    expect((await h.admin('/cases', { as: null })).status).toBe(401);
  });

  it('an sk_ key of the owner role works like the owner', async () => {
    const key = await h.keyFor({ role: 'owner' });
    expect((await h.list({}, key)).items).toHaveLength(4);
  });
});

describe('bad input → 422 per field', () => {
  it.each([
    [{ kind: 'boat' }, 'kind', 'invalid_value'],
    [{ status: 'lost' }, 'status', 'invalid_value'],
    [{ org: 'acme' }, 'org', 'invalid_format'],
    [{ from: '2025-02-30' }, 'from', 'invalid_date'],
    [{ from: '2025-03-10', to: '2025-03-01' }, 'to', 'invalid_value'],
    [{ sort: 'name' }, 'sort', 'invalid_value'],
    [{ order: 'up' }, 'order', 'invalid_value'],
    [{ limit: '0' }, 'limit', 'invalid_value'],
    [{ limit: '101' }, 'limit', 'invalid_value'],
    [{ limit: 'ten' }, 'limit', 'invalid_type'],
    [{ stauts: 'new' }, 'stauts', 'unknown_field'],
    [{ q: 'x'.repeat(201) }, 'q', 'too_long'],
    [{ cursor: 'not-a-cursor' }, 'cursor', 'invalid_value'],
  ])('%j', async (query, path, code) => {
    const res = await h.admin(`/cases?${new URLSearchParams(query as Record<string, string>)}`, { as: h.owner });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { code: string; errors: { path: string; code: string }[] };
    expect(body.code).toBe('validation_failed');
    expect(body.errors).toContainEqual(expect.objectContaining({ path, code }));
  });

  it('a cursor of another sort or order is refused, not misread', async () => {
    const first = await h.list({ limit: 1 });
    expect(first.nextCursor).toBeTruthy();
    for (const q of [{ sort: 'updated' }, { order: 'asc' }] as Record<string, string>[]) {
      const res = await h.admin(`/cases?${new URLSearchParams({ ...q, cursor: first.nextCursor!, limit: '1' })}`, { as: h.owner });
      expect(res.status).toBe(422);
    }
  });
});
