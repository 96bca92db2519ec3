import { afterEach, describe, expect, it } from 'vitest';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import type { OrganisationList, OrganisationView } from '../../../../sdk/src/admin/settings.js';
import { auditAfter, auditHead, json, paths, snapshot, type Problem } from './testing.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

describe('partner organisations (R22)', () => {
  it('owners and staff list them (staff assign cases); auditors, partners and the operator may not', async () => {
    h = await makeAdminHarness();
    const org = await h.addOrg(h.tenant.tenantId, 'carrier', 'Snel Transport');
    await h.addOrg(h.other.tenantId, 'carrier', 'Ander Transport');
    for (const as of [(await h.as('owner')).auth, (await h.as('staff')).auth, await h.keyFor({ role: 'staff' })]) {
      const { status, body } = await json<OrganisationList>(h.admin('/organisations', { as }));
      expect(status).toBe(200);
      expect(body.items).toEqual([expect.objectContaining({ id: org, name: 'Snel Transport', type: 'carrier', disabled: false })]);
    }
    for (const as of [(await h.as('auditor')).auth, (await h.as('partner', { partnerOrgId: org })).auth, (await h.as('operator')).auth]) {
      const res = await json<Problem>(h.admin('/organisations', { as }));
      expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
    }
  });

  it('only owners create and change them (403 for staff and the rest), writing nothing when refused', async () => {
    h = await makeAdminHarness();
    const org = await h.addOrg(h.tenant.tenantId, 'technician');
    const callers = [(await h.as('staff')).auth, (await h.as('auditor')).auth, (await h.as('partner', { partnerOrgId: org })).auth, (await h.as('operator')).auth, await h.keyFor({ role: 'staff' })];
    const before = await snapshot(h);
    for (const as of callers) {
      for (const [method, path, body] of [['POST', '/organisations', { name: 'X', type: 'carrier' }], ['PATCH', `/organisations/${org}`, { disabled: true }]] as const) {
        const res = await json<Problem>(h.admin(path, { as, method, body }));
        expect([method, res.status, res.body.code]).toEqual([method, 403, 'forbidden']);
      }
    }
    expect(await snapshot(h)).toEqual(before);
  });

  it('creates and renames with value-free audit entries; 422 per field; 404 for another tenant’s organisation', async () => {
    h = await makeAdminHarness();
    const { user, auth } = await h.as('owner');
    const seq = await auditHead(h, h.tenant.tenantId);
    const created = await json<OrganisationView>(h.admin('/organisations', { as: auth, body: { name: 'Reparatie Centrum Oost', type: 'repair_centre' } }));
    expect([created.status, created.body.type, created.body.name]).toEqual([201, 'repair_centre', 'Reparatie Centrum Oost']);
    const renamed = await json<OrganisationView>(h.admin(`/organisations/${created.body.id}`, { as: auth, method: 'PATCH', body: { name: 'RC Oost' } }));
    expect(renamed.body.name).toBe('RC Oost');
    const audit = await auditAfter(h, h.tenant.tenantId, seq);
    expect(audit.map((a) => [a.action, a.entity_id, a.actor_id, JSON.parse(a.fields)])).toEqual([
      ['partner_org.created', created.body.id, user.id, ['name', 'type']],
      ['partner_org.updated', created.body.id, user.id, ['name']],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/Oost/);

    const before = await snapshot(h);
    const bad = await json<Problem>(h.admin('/organisations', { as: auth, body: { name: '', type: 'courier', extra: true } }));
    expect([bad.status, ...paths(bad.body)]).toEqual([422, 'extra:unknown_field', 'name:required', 'type:invalid_value']);
    const badPatch = await json<Problem>(h.admin(`/organisations/${created.body.id}`, { as: auth, method: 'PATCH', body: { disabled: 'ja', type: 'carrier' } }));
    expect([badPatch.status, ...paths(badPatch.body)]).toEqual([422, 'disabled:invalid_type', 'type:unknown_field']);
    const foreign = await h.addOrg(h.other.tenantId, 'carrier');
    const after = await snapshot(h);
    for (const id of [foreign, 'no-such-org']) {
      const res = await json<Problem>(h.admin(`/organisations/${id}`, { as: auth, method: 'PATCH', body: { disabled: true } }));
      expect([res.status, res.body.code]).toEqual([404, 'not_found']);
    }
    expect(await snapshot(h)).toEqual(after);
    expect(before.audit_log).toEqual(after.audit_log);
  });

  it("disabling an organisation stops its partner users and keys at once; enabling lets them sign in again", async () => {
    h = await makeAdminHarness();
    const { auth } = await h.as('owner');
    const org = await h.addOrg(h.tenant.tenantId, 'carrier');
    const partner = await h.as('partner', { partnerOrgId: org });
    const key = await h.keyFor({ role: 'partner', partnerOrgId: org });
    const bystander = await h.as('partner', { partnerOrgId: await h.addOrg(h.tenant.tenantId, 'technician') });
    for (const as of [partner.auth, key, bystander.auth]) expect((await h.admin('/nothing-here', { as })).status).toBe(404);

    const res = await json<OrganisationView>(h.admin(`/organisations/${org}`, { as: auth, method: 'PATCH', body: { disabled: true } }));
    expect([res.status, res.body.disabled]).toEqual([200, true]);
    expect((await h.admin('/nothing-here', { as: partner.auth })).status).toBe(401);
    expect((await h.admin('/nothing-here', { as: key })).status).toBe(401);
    expect((await h.admin('/nothing-here', { as: bystander.auth })).status).toBe(404);
    // A fresh session for the partner is refused too while the organisation is disabled…
    const fresh = await h.sessionFor(partner.user.id);
    expect((await h.admin('/nothing-here', { as: fresh })).status).toBe(401);
    // …and works again once it is enabled (the old session stays ended).
    await h.admin(`/organisations/${org}`, { as: auth, method: 'PATCH', body: { disabled: false } });
    expect((await h.admin('/nothing-here', { as: fresh })).status).toBe(404);
    expect((await h.admin('/nothing-here', { as: partner.auth })).status).toBe(401);
    expect((await h.admin('/nothing-here', { as: key })).status).toBe(404);
  });
});
