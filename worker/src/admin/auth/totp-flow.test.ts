import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, tenants, users } from '../../db/schema.js';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import { authCalls, codeOf, cookieOf } from './test-helpers.js';
import { newTotpSecret, totpAt } from './totp.js';
import { ACCOUNT } from './throttle.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

const wrongCode = (right: string) => String((Number(right) + 1) % 1_000_000).padStart(6, '0');

describe('TOTP second factor at sign-in (R13)', () => {
  it('asks for a code, refuses a wrong one and a replayed one, and then signs in fully', async () => {
    let now = Date.UTC(2026, 0, 5, 9, 0, 10);
    h = await makeAdminHarness({ clock: { now: () => now } });
    const calls = authCalls(h);
    const secret = newTotpSecret();
    const user = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff', totpSecret: secret });

    const first = await calls.login(user.signIn, user.password);
    expect(await first.json()).toEqual({ stage: 'totp' });
    const mfa = cookieOf(first);
    // The mfa-stage cookie is not a session for anything else.
    expect((await calls.me(mfa)).status).toBe(401);
    expect(await h.db.select().from(auditLog).where(eq(auditLog.action, 'user.signed_in'))).toEqual([]);

    expect(await codeOf(await calls.post('/totp', { code: wrongCode(totpAt(secret, now)) }, mfa))).toBe('invalid_totp');
    const bad = await calls.post('/totp', { code: '12ab' }, mfa);
    expect(bad.status).toBe(422);

    const code = totpAt(secret, now);
    const done = await calls.post('/totp', { code }, mfa);
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ stage: 'done', user: { id: user.id, totpEnabled: true } });
    const full = cookieOf(done);
    expect(full).not.toBe(mfa);
    expect((await calls.me(full)).status).toBe(200);
    // The mfa session is spent.
    expect(await codeOf(await calls.post('/totp', { code }, mfa))).toBe('session_expired');

    // Same code again (same 30 s step) in a new sign-in: refused as a replay.
    const again = cookieOf(await calls.login(user.signIn, user.password));
    expect(await codeOf(await calls.post('/totp', { code }, again))).toBe('invalid_totp');
    // The previous step's code is older than the used one: refused too.
    expect(await codeOf(await calls.post('/totp', { code: totpAt(secret, now - 30_000) }, again))).toBe('invalid_totp');
    now += 30_000;
    expect((await calls.post('/totp', { code: totpAt(secret, now) }, again)).status).toBe(200);
  }, 90_000);

  it('brakes guessing of codes and ends the mfa stage after 5 minutes', async () => {
    let now = Date.UTC(2026, 0, 5, 9, 0, 10);
    h = await makeAdminHarness({ clock: { now: () => now } });
    const calls = authCalls(h);
    const secret = newTotpSecret();
    const user = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff', totpSecret: secret });
    const mfa = cookieOf(await calls.login(user.signIn, user.password));
    for (let i = 0; i < ACCOUNT.free; i++) expect(await codeOf(await calls.post('/totp', { code: wrongCode(totpAt(secret, now)) }, mfa))).toBe('invalid_totp');
    const locked = await calls.post('/totp', { code: totpAt(secret, now) }, mfa);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('1');
    now += 5 * 60_000;
    expect(await codeOf(await calls.post('/totp', { code: totpAt(secret, now) }, mfa))).toBe('session_expired');
  });

  it('makes an owner of a tenant that requires TOTP enrol during sign-in; staff are not asked', async () => {
    const now = Date.UTC(2026, 0, 5, 9, 0, 10);
    h = await makeAdminHarness({ clock: { now: () => now } });
    await h.db.update(tenants).set({ requireTotpForOwners: true }).where(eq(tenants.id, h.tenant.tenantId));
    const calls = authCalls(h);
    const owner = await h.addUser({ tenantId: h.tenant.tenantId, role: 'owner' });
    const staff = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff' });
    expect(((await (await calls.login(staff.signIn, staff.password)).json()) as { stage: string }).stage).toBe('done');

    const first = await calls.login(owner.signIn, owner.password);
    expect(await first.json()).toEqual({ stage: 'totp_setup' });
    const mfa = cookieOf(first);
    expect((await calls.me(mfa)).status).toBe(401);
    expect(await codeOf(await calls.post('/totp', { code: '123456' }, mfa))).toBe('conflict');
    expect(await codeOf(await calls.post('/totp/enable', { code: '123456' }, mfa))).toBe('conflict');

    const setup = await calls.post('/totp/setup', undefined, mfa);
    expect(setup.status).toBe(200);
    const { secret, otpauthUri } = (await setup.json()) as { secret: string; otpauthUri: string };
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(await codeOf(await calls.post('/totp/enable', { code: wrongCode(totpAt(secret, now)) }, mfa))).toBe('invalid_totp');
    const done = await calls.post('/totp/enable', { code: totpAt(secret, now) }, mfa);
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ stage: 'done', user: { totpEnabled: true, totpRequired: true } });
    expect((await calls.me(cookieOf(done))).status).toBe(200);
    const [row] = await h.db.select().from(users).where(eq(users.id, owner.id));
    expect(row!.totpEnabledAt).toBe(now);
    const actions = (await h.db.select().from(auditLog).where(eq(auditLog.actorId, owner.id))).map((a) => [a.action, a.fields]);
    expect(actions).toEqual([['user.totp_enabled', '["totpSecret"]'], ['user.signed_in', '[]']]);

    // Next time: a code, not enrolment; and a password alone cannot replace the secret.
    const next = await calls.login(owner.signIn, owner.password);
    expect(await next.json()).toEqual({ stage: 'totp' });
    expect(await codeOf(await calls.post('/totp/setup', undefined, cookieOf(next)))).toBe('conflict');
    expect((await h.db.select().from(users).where(eq(users.id, owner.id)))[0]!.totpSecret).toBe(secret);
  }, 90_000);
});
