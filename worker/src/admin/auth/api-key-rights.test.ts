import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import { codeOf } from './test-helpers.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

type Created = { id: string; key: string; expiresAt: string | null; expired: boolean };

/** Issue 9 item 4: an sk_ key acts as at most its creator's current role, and not at all once the creator is disabled or the key expired. */
describe('sk_ keys are bounded by their creator (worker/src/admin/key-rights.ts)', () => {
  async function ownerKey() {
    const a = await h.as('owner');
    const res = await h.admin('/api-keys', { as: a.auth, body: { name: 'Koppeling', role: 'owner', password: a.user.password } });
    expect(res.status).toBe(201);
    return { a, key: { bearer: ((await res.json()) as Created).key } };
  }

  it('the attack: owner A disabled and demoted by owner B; A\'s owner key can neither re-enable A nor disable B', async () => {
    h = await makeAdminHarness();
    const { a, key } = await ownerKey();
    const b = await h.as('owner');
    expect((await h.admin(`/users/${a.user.id}`, { as: b.auth, method: 'PATCH', body: { role: 'staff', disabled: true } })).status).toBe(200);

    expect(await codeOf(await h.admin('/me', { as: key }))).toBe('unauthorized');
    expect(await codeOf(await h.admin(`/users/${a.user.id}`, { as: key, method: 'PATCH', body: { role: 'owner', disabled: false } }))).toBe('unauthorized');
    expect(await codeOf(await h.admin(`/users/${b.user.id}`, { as: key, method: 'PATCH', body: { disabled: true } }))).toBe('unauthorized');
    const rows = await h.db.select({ id: users.id, role: users.role, disabledAt: users.disabledAt }).from(users);
    expect(rows.find((r) => r.id === a.user.id)).toMatchObject({ role: 'staff', disabledAt: expect.any(Number) });
    expect(rows.find((r) => r.id === b.user.id)).toMatchObject({ role: 'owner', disabledAt: null });
  });

  it('the key of a demoted (still enabled) owner acts as staff: cases yes, users and keys no', async () => {
    h = await makeAdminHarness();
    const { a, key } = await ownerKey();
    const b = await h.as('owner');
    expect((await h.admin(`/users/${a.user.id}`, { as: b.auth, method: 'PATCH', body: { role: 'staff' } })).status).toBe(200);

    expect(await (await h.admin('/me', { as: key })).json()).toMatchObject({ type: 'api_key', role: 'staff' });
    expect((await h.admin('/cases', { as: key })).status).toBe(200);
    expect(await codeOf(await h.admin(`/users/${a.user.id}`, { as: key, method: 'PATCH', body: { role: 'owner' } }))).toBe('forbidden');
    expect(await codeOf(await h.admin(`/users/${b.user.id}`, { as: key, method: 'PATCH', body: { disabled: true } }))).toBe('forbidden');
    expect(await codeOf(await h.admin('/api-keys', { as: key, body: { name: 'x', role: 'staff' } }))).toBe('forbidden');
    expect((await h.db.select({ role: users.role }).from(users).where(eq(users.id, a.user.id)))[0]!.role).toBe('staff');

    // Promoted again, the key has its own role back: it never outlives, nor outranks, its creator.
    expect((await h.admin(`/users/${a.user.id}`, { as: b.auth, method: 'PATCH', body: { role: 'owner' } })).status).toBe(200);
    expect(await (await h.admin('/me', { as: key })).json()).toMatchObject({ role: 'owner' });
  });

  it('a staff key of a creator who became auditor (no lesser role of the two) is refused', async () => {
    h = await makeAdminHarness();
    const creator = await h.addUser({ tenantId: h.tenant.tenantId, role: 'owner' });
    const key = await h.keyFor({ role: 'staff', createdBy: creator.id });
    expect((await h.admin('/cases', { as: key })).status).toBe(200);
    await h.db.update(users).set({ role: 'auditor' }).where(eq(users.id, creator.id));
    expect(await codeOf(await h.admin('/cases', { as: key }))).toBe('unauthorized');
  });

  it('an expired key answers 401; the list shows its expiry and that it expired; a past expiry is refused at creation', async () => {
    let now = Date.UTC(2026, 0, 5, 9);
    h = await makeAdminHarness({ clock: { now: () => now } });
    const { auth } = await h.as('owner');
    // 20 minutes: within the owner session's 30 idle minutes.
    const expiresAt = new Date(now + 20 * 60_000).toISOString();
    const res = await h.admin('/api-keys', { as: auth, body: { name: 'Tijdelijk', role: 'staff', expiresAt } });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Created;
    expect(created).toMatchObject({ expiresAt, expired: false });
    expect((await h.admin('/me', { as: { bearer: created.key } })).status).toBe(200);

    now += 20 * 60_000;
    expect(await codeOf(await h.admin('/me', { as: { bearer: created.key } }))).toBe('unauthorized');
    const list = (await (await h.admin('/api-keys', { as: auth })).json()) as { items: Created[] };
    expect(list.items).toEqual([expect.objectContaining({ id: created.id, expiresAt, expired: true })]);

    const past = await h.admin('/api-keys', { as: auth, body: { name: 'Oud', role: 'staff', expiresAt: new Date(now - 1).toISOString() } });
    expect(past.status).toBe(422);
    expect(((await past.json()) as { errors: { path: string; code: string }[] }).errors).toEqual([expect.objectContaining({ path: 'expiresAt', code: 'invalid_value' })]);
    const garbage = await h.admin('/api-keys', { as: auth, body: { name: 'Oud', role: 'staff', expiresAt: 'morgen' } });
    expect(((await garbage.json()) as { errors: { path: string; code: string }[] }).errors).toEqual([expect.objectContaining({ path: 'expiresAt', code: 'invalid_format' })]);
  });

  it('a key minted by a key is bounded by that key: revoked or demoted parent, weaker child', async () => {
    h = await makeAdminHarness();
    const { a, key } = await ownerKey();
    const res = await h.admin('/api-keys', { as: key, body: { name: 'Kind', role: 'staff' } });
    expect(res.status).toBe(201);
    const child = { bearer: ((await res.json()) as Created).key };
    expect(await (await h.admin('/me', { as: child })).json()).toMatchObject({ role: 'staff' });
    // The parent's creator disabled: parent and child are dead.
    await h.db.update(users).set({ disabledAt: Date.now() }).where(eq(users.id, a.user.id));
    expect(await codeOf(await h.admin('/me', { as: child }))).toBe('unauthorized');
  });
});

describe('creating owner-level keys (step-up)', () => {
  type Errors = { errors: { path: string; code: string }[] };
  const paths = async (res: Response) => [res.status, ...((await res.json()) as Errors).errors.map((e) => `${e.path}:${e.code}`)];

  it('asks a signed-in owner for the password again: none or wrong → 422, right → 201', async () => {
    h = await makeAdminHarness();
    const { user, auth } = await h.as('owner');
    expect(await paths(await h.admin('/api-keys', { as: auth, body: { name: 'Beheer', role: 'owner' } }))).toEqual([422, 'password:required']);
    expect(await paths(await h.admin('/api-keys', { as: auth, body: { name: 'Beheer', role: 'owner', password: 'niet-mijn-wachtwoord' } }))).toEqual([422, 'password:wrong_password']);
    const ok = await h.admin('/api-keys', { as: auth, body: { name: 'Beheer', role: 'owner', password: user.password } });
    expect(ok.status).toBe(201);
    // Staff keys need no step-up.
    expect((await h.admin('/api-keys', { as: auth, body: { name: 'Winkel', role: 'staff' } })).status).toBe(201);
  });

  it('asks an owner with TOTP for a current code too', async () => {
    const { totpAt } = await import('./totp.js');
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    h = await makeAdminHarness();
    const owner = await h.addUser({ tenantId: h.tenant.tenantId, role: 'owner', totpSecret: secret });
    const auth = await h.sessionFor(owner.id);
    expect(await paths(await h.admin('/api-keys', { as: auth, body: { name: 'Beheer', role: 'owner', password: owner.password } }))).toEqual([422, 'totpCode:required']);
    const ok = await h.admin('/api-keys', { as: auth, body: { name: 'Beheer', role: 'owner', password: owner.password, totpCode: totpAt(secret, Date.now()) } });
    expect(ok.status).toBe(201);
  });

  it('an API key cannot create an owner key at all, even with a password', async () => {
    h = await makeAdminHarness();
    const creator = await h.addUser({ tenantId: h.tenant.tenantId, role: 'owner' });
    const key = await h.keyFor({ role: 'owner', createdBy: creator.id });
    const res = await h.admin('/api-keys', { as: key, body: { name: 'Nog een', role: 'owner', password: creator.password } });
    expect([res.status, await codeOf(res)]).toEqual([403, 'forbidden']);
    expect(((await (await h.admin('/api-keys', { as: key })).json()) as { items: unknown[] }).items).toHaveLength(1);
  });
});
