import { DUMMY_PHC } from './signin.js';
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, users } from '../../db/schema.js';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import { authCalls, codeOf, cookieOf } from './test-helpers.js';
import { OWASP_PARAMS, parsePhc, verifyPassword } from './password.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

describe('POST /v1/admin/auth/login (R13)', () => {
  it('signs an owner in: full session cookie, principal, last login and an audit entry', async () => {
    h = await makeAdminHarness();
    const owner = await h.addUser({ tenantId: h.tenant.tenantId, role: 'owner', loginCode: 'jan-eigenaar' });
    const res = await authCalls(h).login('Jan-Eigenaar@Fietsenwinkel-Test', owner.password);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { stage: string; user: Record<string, unknown> };
    expect(body.stage).toBe('done');
    expect(body.user).toMatchObject({ type: 'user', id: owner.id, loginCode: 'jan-eigenaar', role: 'owner', tenant: { id: h.tenant.tenantId, name: 'Fietsenwinkel Test' }, partnerOrg: null, totpEnabled: false });
    expect(body.user.permissions).toContain('settings.manage');
    expect(JSON.stringify(body)).not.toMatch(/argon2|passwordHash|totpSecret/);

    // http://localhost: no __Host- prefix, no Secure; HttpOnly, SameSite=Strict, Path=/.
    const set = res.headers.get('set-cookie')!;
    expect(set).toMatch(/^aftercare_session=[0-9A-Za-z]{43};/);
    expect(set).toMatch(/; Path=\//);
    expect(set).toMatch(/; HttpOnly/);
    expect(set).toMatch(/; SameSite=Strict/);
    expect(set).not.toMatch(/Secure/);

    expect((await authCalls(h).me(cookieOf(res))).status).toBe(200);
    const [row] = await h.db.select().from(users).where(eq(users.id, owner.id));
    expect(row!.lastLoginAt).toBeTypeOf('number');
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.action, 'user.signed_in'));
    expect(audit).toEqual([expect.objectContaining({ tenantId: h.tenant.tenantId, actorType: 'user', actorId: owner.id, entityId: owner.id, fields: '[]' })]);
  });

  it('on https sets a __Host- cookie with Secure, which then authenticates', async () => {
    h = await makeAdminHarness();
    const staff = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff' });
    const calls = authCalls(h, 'https://admin.example');
    const res = await calls.login(staff.signIn, staff.password);
    expect(res.status).toBe(200);
    const set = res.headers.get('set-cookie')!;
    expect(set).toMatch(/^__Host-aftercare_session=[0-9A-Za-z]{43};/);
    for (const attr of [/; Path=\//, /; HttpOnly/, /; Secure/, /; SameSite=Strict/]) expect(set).toMatch(attr);
    expect(set).not.toMatch(/Domain=/i);
    expect((await calls.me(cookieOf(res))).status).toBe(200);
    // The same token without the prefix is not read on https.
    expect((await calls.me(cookieOf(res).replace('__Host-', ''))).status).toBe(401);
  });

  it('signs an operator in, audited in the platform chain', async () => {
    h = await makeAdminHarness();
    const op = await h.addUser({ tenantId: null, role: 'operator' });
    const res = await authCalls(h).login(op.signIn, op.password);
    expect(((await res.json()) as { user: { tenant: unknown; role: string } }).user).toMatchObject({ tenant: null, role: 'operator' });
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.action, 'user.signed_in'));
    expect(audit.map((a) => a.tenantId)).toEqual(['_platform']);
  });

  it('answers a wrong password, an unknown code, a disabled user and a disabled partner org alike', async () => {
    h = await makeAdminHarness();
    const calls = authCalls(h);
    const staff = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff' });
    const disabled = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff' });
    await h.db.update(users).set({ disabledAt: Date.now() }).where(eq(users.id, disabled.id));
    const orgId = await h.addOrg(h.tenant.tenantId, 'carrier');
    const partner = await h.addUser({ tenantId: h.tenant.tenantId, role: 'partner', partnerOrgId: orgId });
    const { partnerOrgs } = await import('../../db/schema.js');
    await h.db.update(partnerOrgs).set({ disabledAt: Date.now() }).where(eq(partnerOrgs.id, orgId));

    const bodies: unknown[] = [];
    for (const [code, pw] of [[staff.signIn, 'wrong-password-here'], ['nobody-at-all', staff.password], [disabled.signIn, disabled.password], [partner.signIn, partner.password]] as const) {
      const res = await calls.login(code, pw);
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      bodies.push(await res.json());
    }
    expect(bodies.every((b) => JSON.stringify(b) === JSON.stringify(bodies[0]))).toBe(true);
    expect((bodies[0] as { code: string }).code).toBe('invalid_credentials');
    expect(await h.db.select().from(auditLog).where(eq(auditLog.action, 'user.signed_in'))).toEqual([]);
  });

  it('checks an unknown login code against a dummy hash of full OWASP cost (no timing oracle)', async () => {
    // No wall-clock assertion (shared, noisy machines): the dummy must cost what a real hash
    // costs, i.e. carry the same argon2id parameters and length as every stored password.
    const dummy = parsePhc(DUMMY_PHC)!;
    expect(dummy.params).toEqual(OWASP_PARAMS);
    expect(dummy.hash).toHaveLength(32);
    expect(dummy.salt).toHaveLength(16);
    // And it is a real hash that no password in the common list (or an empty one) matches.
    expect((await verifyPassword('', DUMMY_PHC)).ok).toBe(false);
  }, 90_000);

  it('refuses a malformed body with per-field errors, and a cross-site login (CSRF)', async () => {
    h = await makeAdminHarness();
    const calls = authCalls(h);
    const res = await calls.post('/login', { loginCode: '', extra: 1 });
    expect(res.status).toBe(422);
    const errs = ((await res.json()) as { errors: { path: string; code: string }[] }).errors;
    expect(errs).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'loginCode', code: 'required' }), expect.objectContaining({ path: 'password', code: 'required' }), expect.objectContaining({ path: 'extra', code: 'unknown_field' })]));
    expect((await calls.post('/login', 'not json')).status).toBe(400);
    const cross = await h.app.request('/v1/admin/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example', 'x-aftercare-csrf': '1' }, body: JSON.stringify({ loginCode: 'a', password: 'b' }) });
    expect(await codeOf(cross)).toBe('csrf_failed');
  });

  it('re-hashes a password stored at other parameters with the OWASP ones on login', async () => {
    h = await makeAdminHarness();
    const user = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff' });
    const before = (await h.db.select().from(users).where(eq(users.id, user.id)))[0]!.passwordHash;
    expect(parsePhc(before)!.params).toEqual({ m: 64, t: 1, p: 1 });
    expect((await authCalls(h).login(user.signIn, user.password)).status).toBe(200);
    const after = (await h.db.select().from(users).where(eq(users.id, user.id)))[0]!.passwordHash;
    expect(after).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(user.password, after)).toEqual({ ok: true, rehash: false });
    expect((await authCalls(h).login(user.signIn, user.password)).status).toBe(200);
  }, 90_000);
});

describe('POST /v1/admin/auth/logout', () => {
  it('revokes the session server-side and clears the cookie; the old cookie is refused', async () => {
    h = await makeAdminHarness();
    const calls = authCalls(h);
    const user = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff' });
    const cookie = cookieOf(await calls.login(user.signIn, user.password));
    expect((await calls.me(cookie)).status).toBe(200);
    const out = await calls.post('/logout', undefined, cookie);
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^aftercare_session=;.*Max-Age=0/);
    const after = await calls.me(cookie);
    expect(after.status).toBe(401);
    expect(await codeOf(after)).toBe('session_expired');
    expect((await h.db.select().from(auditLog).where(eq(auditLog.action, 'user.signed_out'))).length).toBe(1);
    // Logging out twice, or without a session, is harmless.
    expect((await calls.post('/logout', undefined, cookie)).status).toBe(204);
    expect((await calls.post('/logout', undefined)).status).toBe(204);
  });

  it('needs the CSRF header (a cross-site form cannot sign a user out)', async () => {
    h = await makeAdminHarness();
    const { auth } = await h.as('staff');
    const res = await h.admin('/auth/logout', { as: auth, method: 'POST', headers: { 'x-aftercare-csrf': '' } });
    expect(await codeOf(res)).toBe('csrf_failed');
    expect((await h.admin('/me', { as: auth })).status).toBe(200);
  });
});
