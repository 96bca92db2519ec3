import { afterEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import { makeAdminHarness, type AdminHarness, type As } from '../../testing/admin-harness.js';
import { verifyPassword } from '../auth/password.js';
import type { UserList, UserView } from '../../../../sdk/src/admin/settings.js';
import { auditAfter, auditHead, json, paths, snapshot, type Problem } from './testing.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

const PASSWORD = 'groene-tractor-rijdt-traag';
const newUser = (o: Record<string, unknown> = {}) => ({ loginCode: 'Nieuwe.Medewerker', displayName: 'Nieuwe Medewerker', role: 'staff', password: PASSWORD, locale: 'en', ...o });
/** Whether a session still works (the user's own view of the API answers something other than 401). */
const works = async (as: As) => (await h.admin('/nothing-here', { as })).status !== 401;

describe('users (owner, settings.manage)', () => {
  it("lists the tenant's users without password hashes or TOTP secrets", async () => {
    h = await makeAdminHarness();
    const { auth } = await h.as('owner');
    const withTotp = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff', totpSecret: 'JBSWY3DPEHPK3PXP' });
    const foreign = await h.addUser({ tenantId: h.other.tenantId, role: 'staff' });
    const operator = await h.addUser({ tenantId: null, role: 'operator' });
    const res = await h.admin('/users', { as: auth });
    const text = await res.text();
    expect(res.status).toBe(200);
    for (const secret of ['argon2', 'JBSWY3DPEHPK3PXP', 'passwordHash', 'totpSecret', foreign.loginCode, operator.loginCode]) expect(text).not.toContain(secret);
    const list = JSON.parse(text) as UserList;
    expect(list.items).toHaveLength(2);
    expect(list.items.find((u) => u.id === withTotp.id)).toMatchObject({ role: 'staff', totpEnabled: true, disabled: false });
  });

  it('is refused (403) to staff, auditors, partners, the operator and a staff key, writing nothing', async () => {
    h = await makeAdminHarness();
    const org = await h.addOrg(h.tenant.tenantId, 'technician');
    const target = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff' });
    const callers = [(await h.as('staff')).auth, (await h.as('auditor')).auth, (await h.as('partner', { partnerOrgId: org })).auth, (await h.as('operator')).auth, await h.keyFor({ role: 'staff' })];
    const before = await snapshot(h);
    for (const as of callers) {
      for (const [method, path, body] of [
        ['GET', '/users'], ['POST', '/users', newUser()], ['PATCH', `/users/${target.id}`, { role: 'owner' }],
        ['POST', `/users/${target.id}/password`, { password: PASSWORD }], ['POST', `/users/${target.id}/totp/reset`, {}],
      ] as const) {
        const res = await json<Problem>(h.admin(path, { as, method, body }));
        expect([method, path, res.status, res.body.code]).toEqual([method, path, 403, 'forbidden']);
      }
    }
    expect(await snapshot(h)).toEqual(before);
  });

  it('creates a user with a lowercase login code and an argon2id hash, audited by field name only', async () => {
    h = await makeAdminHarness();
    const { user: owner, auth } = await h.as('owner');
    const seq = await auditHead(h, h.tenant.tenantId);
    const { status, body } = await json<UserView>(h.admin('/users', { as: auth, body: newUser() }));
    expect(status).toBe(201);
    expect(body).toMatchObject({ loginCode: 'nieuwe.medewerker', displayName: 'Nieuwe Medewerker', role: 'staff', partnerOrgId: null, locale: 'en', totpEnabled: false, disabled: false });
    expect(JSON.stringify(body)).not.toContain('argon2');
    const [row] = await h.db.select().from(users).where(eq(users.id, body.id));
    expect(row!.tenantId).toBe(h.tenant.tenantId);
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await verifyPassword(PASSWORD, row!.passwordHash)).ok).toBe(true);
    const audit = await auditAfter(h, h.tenant.tenantId, seq);
    expect(audit.map((a) => [a.action, a.entity_id, a.actor_id, JSON.parse(a.fields)])).toEqual([['user.created', body.id, owner.id, ['loginCode', 'displayName', 'role', 'locale', 'password']]]);
    for (const value of ['nieuwe', 'Medewerker', PASSWORD, 'argon2']) expect(JSON.stringify(audit).toLowerCase()).not.toContain(value.toLowerCase());
  });

  it('refuses bad input with 422 per field (password rules included) and a login code taken in the same tenant with 409, writing nothing', async () => {
    h = await makeAdminHarness();
    const { auth } = await h.as('owner');
    const colleague = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff', loginCode: 'bezet-hier' });
    const before = await snapshot(h);
    const bad = await json<Problem>(h.admin('/users', { as: auth, body: { loginCode: 'x', displayName: ' ', role: 'operator', password: 'kort', locale: 'de', extra: 1 } }));
    expect([bad.status, ...paths(bad.body)]).toEqual([422, 'displayName:required', 'extra:unknown_field', 'locale:invalid_value', 'loginCode:too_short', 'password:too_short', 'role:invalid_value']);
    const common = await json<Problem>(h.admin('/users', { as: auth, body: newUser({ password: 'Password1234' }) }));
    expect(paths(common.body)).toEqual(['password:common_password']);
    const same = await json<Problem>(h.admin('/users', { as: auth, body: newUser({ loginCode: 'lange.inlogcode', password: 'Lange.Inlogcode' }) }));
    expect(paths(same.body)).toEqual(['password:same_as_login_code']);
    const taken = await json<Problem>(h.admin('/users', { as: auth, body: newUser({ loginCode: 'BEZET-hier' }) }));
    expect([taken.status, taken.body.code, ...paths(taken.body)]).toEqual([409, 'conflict', 'loginCode:taken']);
    expect(colleague.loginCode).toBe('bezet-hier');
    expect(await snapshot(h)).toEqual(before);
  });

  it('a partner user needs an active organisation of the same tenant; other roles have none', async () => {
    h = await makeAdminHarness();
    const { auth } = await h.as('owner');
    const org = await h.addOrg(h.tenant.tenantId, 'carrier');
    const disabledOrg = await h.addOrg(h.tenant.tenantId, 'technician');
    await h.admin(`/organisations/${disabledOrg}`, { as: auth, method: 'PATCH', body: { disabled: true } });
    const foreignOrg = await h.addOrg(h.other.tenantId, 'carrier');
    const before = await snapshot(h);
    for (const [body, expected] of [
      [newUser({ role: 'partner' }), 'partnerOrgId:required'],
      [newUser({ role: 'partner', partnerOrgId: foreignOrg }), 'partnerOrgId:invalid_value'],
      [newUser({ role: 'partner', partnerOrgId: disabledOrg }), 'partnerOrgId:invalid_value'],
      [newUser({ role: 'partner', partnerOrgId: 'no-such-org' }), 'partnerOrgId:invalid_value'],
      [newUser({ role: 'staff', partnerOrgId: org }), 'partnerOrgId:invalid_value'],
    ] as const) {
      const res = await json<Problem>(h.admin('/users', { as: auth, body }));
      expect([res.status, ...paths(res.body)]).toEqual([422, expected]);
    }
    expect(await snapshot(h)).toEqual(before);
    const ok = await json<UserView>(h.admin('/users', { as: auth, body: newUser({ role: 'partner', partnerOrgId: org }) }));
    expect([ok.status, ok.body.partnerOrgId]).toEqual([201, org]);
  });
});

describe('PATCH /users/:id', () => {
  it('a role change or disabling ends the user’s sessions; a name change does not', async () => {
    h = await makeAdminHarness();
    const { user: owner, auth } = await h.as('owner');
    const staff = await h.as('staff');
    const seq = await auditHead(h, h.tenant.tenantId);
    const renamed = await json<UserView>(h.admin(`/users/${staff.user.id}`, { as: auth, method: 'PATCH', body: { displayName: 'Andere Naam', locale: 'en' } }));
    expect(renamed.body).toMatchObject({ displayName: 'Andere Naam', locale: 'en' });
    expect(await works(staff.auth)).toBe(true);

    const promoted = await json<UserView>(h.admin(`/users/${staff.user.id}`, { as: auth, method: 'PATCH', body: { role: 'auditor' } }));
    expect([promoted.status, promoted.body.role]).toEqual([200, 'auditor']);
    expect(await works(staff.auth)).toBe(false);

    const again = await h.sessionFor(staff.user.id);
    const disabled = await json<UserView>(h.admin(`/users/${staff.user.id}`, { as: auth, method: 'PATCH', body: { disabled: true } }));
    expect(disabled.body.disabled).toBe(true);
    expect(await works(again)).toBe(false);
    const enabled = await json<UserView>(h.admin(`/users/${staff.user.id}`, { as: auth, method: 'PATCH', body: { disabled: false } }));
    expect(enabled.body.disabled).toBe(false);

    const audit = await auditAfter(h, h.tenant.tenantId, seq);
    expect(audit.map((a) => [a.action, a.actor_id, JSON.parse(a.fields)])).toEqual([
      ['user.updated', owner.id, ['displayName', 'locale']],
      ['user.updated', owner.id, ['role']], ['user.sessions_revoked', owner.id, []],
      ['user.updated', owner.id, ['disabled']], ['user.sessions_revoked', owner.id, []],
      ['user.updated', owner.id, ['disabled']],
    ]);
    expect(JSON.stringify(audit)).not.toContain('Andere Naam');
  });

  it("moving a partner to another organisation ends their sessions; leaving the partner role clears the organisation", async () => {
    h = await makeAdminHarness();
    const { auth } = await h.as('owner');
    const [a, b] = [await h.addOrg(h.tenant.tenantId, 'carrier'), await h.addOrg(h.tenant.tenantId, 'technician')];
    const partner = await h.as('partner', { partnerOrgId: a });
    const moved = await json<UserView>(h.admin(`/users/${partner.user.id}`, { as: auth, method: 'PATCH', body: { partnerOrgId: b } }));
    expect(moved.body.partnerOrgId).toBe(b);
    expect(await works(partner.auth)).toBe(false);
    const staff = await json<UserView>(h.admin(`/users/${partner.user.id}`, { as: auth, method: 'PATCH', body: { role: 'staff' } }));
    expect(staff.body).toMatchObject({ role: 'staff', partnerOrgId: null });
    const noOrg = await json<Problem>(h.admin(`/users/${partner.user.id}`, { as: auth, method: 'PATCH', body: { role: 'partner' } }));
    expect([noOrg.status, ...paths(noOrg.body)]).toEqual([422, 'partnerOrgId:required']);
  });

  it('an owner cannot demote or disable themself, and the last active owner stays (409), writing nothing', async () => {
    h = await makeAdminHarness();
    const { user: me, auth } = await h.as('owner');
    const other = await h.as('owner');
    const before = await snapshot(h);
    for (const body of [{ role: 'staff' }, { disabled: true }]) {
      const res = await json<Problem>(h.admin(`/users/${me.id}`, { as: auth, method: 'PATCH', body }));
      expect([res.status, res.body.code]).toEqual([409, 'conflict']);
    }
    expect(await snapshot(h)).toEqual(before);
    // Another owner may be demoted while one remains…
    expect((await h.admin(`/users/${other.user.id}`, { as: auth, method: 'PATCH', body: { role: 'staff' } })).status).toBe(200);
    // …but not the last one, not even by an owner's sk_ key (which is nobody's "self").
    const key = await h.keyFor({ role: 'owner', createdBy: me.id });
    const mid = await snapshot(h);
    for (const body of [{ role: 'staff' }, { disabled: true }]) {
      const res = await json<Problem>(h.admin(`/users/${me.id}`, { as: key, method: 'PATCH', body }));
      expect([res.status, res.body.code]).toEqual([409, 'conflict']);
    }
    expect(await snapshot(h)).toEqual(mid);
    // A disabled owner does not count as active.
    const third = await h.as('owner');
    expect((await h.admin(`/users/${third.user.id}`, { as: key, method: 'PATCH', body: { disabled: true } })).status).toBe(200);
    expect((await h.admin(`/users/${me.id}`, { as: key, method: 'PATCH', body: { role: 'staff' } })).status).toBe(409);
    // Self-edits that keep the role are fine.
    expect((await h.admin(`/users/${me.id}`, { as: auth, method: 'PATCH', body: { displayName: 'Ik', role: 'owner' } })).status).toBe(200);
  });

  it("answers 404 for another tenant's user, an operator and unknown ids on every user route", async () => {
    h = await makeAdminHarness();
    const { auth } = await h.as('owner');
    const ids = [(await h.addUser({ tenantId: h.other.tenantId, role: 'staff' })).id, (await h.addUser({ tenantId: null, role: 'operator' })).id, 'no-such-user'];
    const before = await snapshot(h);
    for (const id of ids) {
      for (const [method, path, body] of [['PATCH', `/users/${id}`, { disabled: true }], ['POST', `/users/${id}/password`, { password: PASSWORD }], ['POST', `/users/${id}/totp/reset`, undefined]] as const) {
        const res = await json<Problem>(h.admin(path, { as: auth, method, body }));
        expect([path, res.status, res.body.code]).toEqual([path, 404, 'not_found']);
      }
    }
    expect(await snapshot(h)).toEqual(before);
  });
});

describe('password and TOTP reset by an owner', () => {
  it('sets a new password (policy checked), ends the sessions and audits the field name only', async () => {
    h = await makeAdminHarness();
    const { auth } = await h.as('owner');
    const staff = await h.as('staff');
    const before = await snapshot(h);
    const weak = await json<Problem>(h.admin(`/users/${staff.user.id}/password`, { as: auth, body: { password: staff.user.loginCode } }));
    expect([weak.status, ...paths(weak.body)]).toEqual([422, 'password:same_as_login_code']);
    expect(await snapshot(h)).toEqual(before);
    const seq = await auditHead(h, h.tenant.tenantId);
    expect((await h.admin(`/users/${staff.user.id}/password`, { as: auth, body: { password: PASSWORD } })).status).toBe(200);
    const [row] = await h.db.select().from(users).where(eq(users.id, staff.user.id));
    expect((await verifyPassword(PASSWORD, row!.passwordHash)).ok).toBe(true);
    expect(await works(staff.auth)).toBe(false);
    const audit = await auditAfter(h, h.tenant.tenantId, seq);
    expect(audit.map((a) => [a.action, JSON.parse(a.fields)])).toEqual([['user.password_set', ['password']]]);
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
  });

  it('removes a TOTP factor and ends the sessions; neither works on oneself (use /me)', async () => {
    h = await makeAdminHarness();
    const { user: me, auth } = await h.as('owner');
    const u = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff', totpSecret: 'JBSWY3DPEHPK3PXP' });
    const session = await h.sessionFor(u.id);
    const { status, body } = await json<UserView>(h.admin(`/users/${u.id}/totp/reset`, { as: auth, method: 'POST' }));
    expect([status, body.totpEnabled]).toEqual([200, false]);
    const [row] = await h.db.all<{ totp_secret: string | null; totp_enabled_at: number | null }>(sql`SELECT totp_secret, totp_enabled_at FROM users WHERE id = ${u.id}`);
    expect(row).toEqual({ totp_secret: null, totp_enabled_at: null });
    expect(await works(session)).toBe(false);
    const before = await snapshot(h);
    for (const path of [`/users/${me.id}/totp/reset`, `/users/${me.id}/password`]) {
      const res = await json<Problem>(h.admin(path, { as: auth, body: path.endsWith('password') ? { password: PASSWORD } : {} }));
      expect([res.status, res.body.code]).toEqual([409, 'conflict']);
    }
    expect(await snapshot(h)).toEqual(before);
  });
});
