import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, tenants, users } from '../../db/schema.js';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import { authCalls, codeOf, cookieOf } from './test-helpers.js';
import { totpAt } from './totp.js';
import { ROLE_PERMISSIONS } from '../../../../sdk/src/admin/roles.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

type Errors = { code: string; errors?: { path: string; code: string }[] };

describe('/v1/admin/me', () => {
  it('describes a user, a partner, an operator and an sk_ key', async () => {
    h = await makeAdminHarness();
    const { user, auth } = await h.as('staff');
    const me = await (await h.admin('/me', { as: auth })).json();
    expect(me).toEqual({
      type: 'user', id: user.id, displayName: 'Test staff', loginCode: user.loginCode, signInName: `${user.loginCode}@fietsenwinkel-test`, role: 'staff',
      permissions: [...ROLE_PERMISSIONS.staff],
      tenant: { id: h.tenant.tenantId, name: 'Fietsenwinkel Test', slug: 'fietsenwinkel-test' }, partnerOrg: null, locale: 'nl', totpEnabled: false, totpRequired: false,
    });
    const orgId = await h.addOrg(h.tenant.tenantId, 'carrier', 'Snelle Koeriers');
    const partner = await h.as('partner', { partnerOrgId: orgId });
    expect(await (await h.admin('/me', { as: partner.auth })).json()).toMatchObject({ role: 'partner', partnerOrg: { id: orgId, name: 'Snelle Koeriers', type: 'carrier' } });
    const op = await h.as('operator');
    expect(await (await h.admin('/me', { as: op.auth })).json()).toMatchObject({ role: 'operator', tenant: null, permissions: [...ROLE_PERMISSIONS.operator] });
    const key = await h.keyFor({ role: 'auditor', name: 'Boekhouding' });
    expect(await (await h.admin('/me', { as: key })).json()).toMatchObject({ type: 'api_key', displayName: 'Boekhouding', loginCode: null, role: 'auditor', permissions: [...ROLE_PERMISSIONS.auditor] });
  });

  it('PATCH changes name and locale with an audit entry naming the fields; refuses bad input and API keys', async () => {
    h = await makeAdminHarness();
    const { user, auth } = await h.as('staff');
    const res = await h.admin('/me', { as: auth, method: 'PATCH', body: { displayName: '  Anna de Vries ', locale: 'en' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ displayName: 'Anna de Vries', locale: 'en' });
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.action, 'user.updated'));
    expect(audit).toEqual([expect.objectContaining({ actorId: user.id, entityId: user.id, fields: '["displayName","locale"]' })]);
    expect(JSON.stringify(audit)).not.toContain('Anna');

    const bad = await h.admin('/me', { as: auth, method: 'PATCH', body: { locale: 'de', role: 'owner' } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as Errors).errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'locale', code: 'invalid_value' }), expect.objectContaining({ path: 'role', code: 'unknown_field' })]));
    expect((await h.db.select().from(users).where(eq(users.id, user.id)))[0]).toMatchObject({ role: 'staff', locale: 'en' });

    const key = await h.keyFor({ role: 'owner' });
    expect(await codeOf(await h.admin('/me', { as: key, method: 'PATCH', body: { locale: 'en' } }))).toBe('forbidden');
    expect(await codeOf(await h.admin('/me/password', { as: key, body: { currentPassword: 'x', newPassword: 'y' } }))).toBe('forbidden');
    expect(await codeOf(await h.admin('/me/totp/setup', { as: key, body: { password: 'x' } }))).toBe('forbidden');
  });
});

describe('POST /v1/admin/me/password', () => {
  it('applies the policy (422 per field), checks the current password, and ends every other session', async () => {
    h = await makeAdminHarness();
    const calls = authCalls(h);
    const user = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff', loginCode: 'piet-medewerker' });
    const here = cookieOf(await calls.login(user.signIn, user.password));
    const elsewhere = cookieOf(await calls.login(user.signIn, user.password));
    const as = { cookie: here };
    const change = (body: unknown) => h.admin('/me/password', { as, body });
    const fieldCode = async (res: Response) => {
      expect(res.status).toBe(422);
      const b = (await res.json()) as Errors;
      return b.errors!.map((e) => `${e.path}:${e.code}`);
    };
    expect(await fieldCode(await change({ currentPassword: user.password, newPassword: 'elf-tekens!' }))).toEqual(['newPassword:too_short']);
    expect(await fieldCode(await change({ currentPassword: user.password, newPassword: 'Qwerty123456' }))).toEqual(['newPassword:common_password']);
    expect(await fieldCode(await change({ currentPassword: user.password, newPassword: 'PIET-MEDEWERKER' }))).toEqual(['newPassword:same_as_login_code']);
    expect(await fieldCode(await change({ currentPassword: 'not-my-password', newPassword: 'een heel nieuw wachtwoord' }))).toEqual(['currentPassword:wrong_password']);
    expect(await fieldCode(await change({ newPassword: 'een heel nieuw wachtwoord' }))).toEqual(['currentPassword:required']);
    expect(await h.db.select().from(auditLog).where(eq(auditLog.action, 'user.password_changed'))).toEqual([]);

    expect((await change({ currentPassword: user.password, newPassword: 'een heel nieuw wachtwoord' })).status).toBe(204);
    expect((await calls.me(here)).status).toBe(200);
    expect(await codeOf(await calls.me(elsewhere))).toBe('session_expired');
    expect((await calls.login(user.signIn, user.password)).status).toBe(401);
    expect((await calls.login(user.signIn, 'een heel nieuw wachtwoord')).status).toBe(200);
    const [row] = await h.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await h.db.select().from(auditLog).where(eq(auditLog.action, 'user.password_changed'))).toEqual([expect.objectContaining({ fields: '["password"]' })]);
  }, 90_000);
});

describe('/v1/admin/me/totp', () => {
  it('sets up, enables (code checked), and disables with the password', async () => {
    let now = Date.UTC(2026, 0, 5, 9, 0, 10);
    h = await makeAdminHarness({ clock: { now: () => now } });
    const { user, auth } = await h.as('staff');
    expect(await codeOf(await h.admin('/me/totp/enable', { as: auth, body: { code: '123456' } }))).toBe('conflict');
    const setup = await h.admin('/me/totp/setup', { as: auth, body: { password: user.password } });
    const { secret } = (await setup.json()) as { secret: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const wrong = String((Number(totpAt(secret, now)) + 1) % 1_000_000).padStart(6, '0');
    expect(await codeOf(await h.admin('/me/totp/enable', { as: auth, body: { code: wrong } }))).toBe('invalid_totp');
    expect((await h.admin('/me/totp/enable', { as: auth, body: { code: totpAt(secret, now) } })).status).toBe(204);
    expect(await (await h.admin('/me', { as: auth })).json()).toMatchObject({ totpEnabled: true });
    expect(await codeOf(await h.admin('/me/totp/setup', { as: auth, body: { password: user.password } }))).toBe('conflict');

    // Signing in now takes a code.
    const calls = authCalls(h);
    expect(await (await calls.login(user.signIn, user.password)).json()).toEqual({ stage: 'totp' });

    const badPw = await h.admin('/me/totp/disable', { as: auth, body: { password: 'not-my-password', totpCode: totpAt(secret, now) } });
    expect(badPw.status).toBe(422);
    expect(((await badPw.json()) as Errors).errors).toEqual([expect.objectContaining({ path: 'password', code: 'wrong_password' })]);
    now += 30_000;
    expect((await h.admin('/me/totp/disable', { as: auth, body: { password: user.password, totpCode: totpAt(secret, now) } })).status).toBe(204);
    const [row] = await h.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(((await (await calls.login(user.signIn, user.password)).json()) as { stage: string }).stage).toBe('done');
    const actions = (await h.db.select().from(auditLog).where(eq(auditLog.actorId, user.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['user.totp_enabled', 'user.totp_disabled']));
  }, 90_000);

  it('setup and disable ask for the password again (disable also a current code): a session alone is not enough', async () => {
    const now = Date.UTC(2026, 0, 5, 9, 0, 10);
    h = await makeAdminHarness({ clock: { now: () => now } });
    const { user, auth } = await h.as('staff');
    const errs = async (res: Response) => [res.status, ...(((await res.json()) as Errors).errors ?? []).map((e) => `${e.path}:${e.code}`)];
    expect(await errs(await h.admin('/me/totp/setup', { as: auth, method: 'POST' }))).toEqual([415]); // no JSON body at all
    expect(await errs(await h.admin('/me/totp/setup', { as: auth, body: {} }))).toEqual([422, 'password:required']);
    expect(await errs(await h.admin('/me/totp/setup', { as: auth, body: { password: 'niet-mijn-wachtwoord' } }))).toEqual([422, 'password:wrong_password']);
    expect((await h.db.select().from(users).where(eq(users.id, user.id)))[0]!.totpSecret).toBeNull();

    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    const owner = await h.addUser({ tenantId: h.tenant.tenantId, role: 'owner', totpSecret: secret });
    const ownerAuth = await h.sessionFor(owner.id);
    expect(await errs(await h.admin('/me/totp/disable', { as: ownerAuth, body: {} }))).toEqual([422, 'password:required']);
    expect(await errs(await h.admin('/me/totp/disable', { as: ownerAuth, body: { password: owner.password } }))).toEqual([422, 'totpCode:required']);
    expect(await errs(await h.admin('/me/totp/disable', { as: ownerAuth, body: { password: 'niet-mijn-wachtwoord', totpCode: totpAt(secret, now) } }))).toEqual([422, 'password:wrong_password']);
    expect((await h.db.select().from(users).where(eq(users.id, owner.id)))[0]!.totpEnabledAt).not.toBeNull();
    expect((await h.admin('/me/totp/disable', { as: ownerAuth, body: { password: owner.password, totpCode: totpAt(secret, now) } })).status).toBe(204);
  });

  it('refuses to turn TOTP off for an owner when the tenant requires it', async () => {
    h = await makeAdminHarness();
    await h.db.update(tenants).set({ requireTotpForOwners: true }).where(eq(tenants.id, h.tenant.tenantId));
    const owner = await h.addUser({ tenantId: h.tenant.tenantId, role: 'owner', totpSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' });
    const auth = await h.sessionFor(owner.id);
    const res = await h.admin('/me/totp/disable', { as: auth, body: { password: owner.password, totpCode: totpAt('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', Date.now()) } });
    expect(await codeOf(res)).toBe('conflict');
    expect((await h.db.select().from(users).where(eq(users.id, owner.id)))[0]!.totpEnabledAt).not.toBeNull();
  });
});
