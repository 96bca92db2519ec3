import { afterEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import { verifyPassword } from '../auth/password.js';
import type { TenantCreated, TenantList } from '../../../../sdk/src/admin/settings.js';
import type { PublicConfig } from '../../../../sdk/src/schemas/index.js';
import { auditAfter, json, paths, snapshot, type Problem } from './testing.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

const PASSWORD = 'blauwe-walvis-zingt-zacht';
const newTenant = (o: Record<string, unknown> = {}) => ({
  name: 'Witgoed Centrum', origins: ['https://witgoed.example'], privacyUrl: 'https://witgoed.example/privacy', kinds: ['repair', 'installation'], locales: ['nl', 'en'],
  owner: { loginCode: 'Eigenaar.Witgoed', displayName: 'Eigenaar', password: PASSWORD }, ...o,
});

describe('operator: tenants (tenants.manage)', () => {
  it('lists tenants with counts of users and cases, and no personal data', async () => {
    h = await makeAdminHarness();
    const { auth } = await h.as('operator');
    await h.as('owner');
    await h.submitCase('repair');
    await h.submitCase('return');
    const res = await h.admin('/tenants', { as: auth });
    const text = await res.text();
    expect(res.status).toBe(200);
    const list = JSON.parse(text) as TenantList;
    expect(list.items.map((t) => [t.id, t.name, t.users, t.cases])).toEqual([
      [h.tenant.tenantId, 'Fietsenwinkel Test', 1, 2],
      [h.other.tenantId, 'Andere Winkel', 0, 0],
    ]);
    expect(Object.keys(list.items[0]!).sort()).toEqual(['cases', 'createdAt', 'id', 'name', 'slug', 'users']);
    for (const personal of ['Jan', 'Vries', 'jan@example.nl', 'pk_live']) expect(text).not.toContain(personal);
  });

  it('creates a tenant with its publishable key and first owner, who can then manage it', async () => {
    h = await makeAdminHarness();
    const { user: operator, auth } = await h.as('operator');
    const { status, body } = await json<TenantCreated>(h.admin('/tenants', { as: auth, body: newTenant() }));
    expect(status).toBe(201);
    expect(body).toMatchObject({ name: 'Witgoed Centrum', owner: { loginCode: 'eigenaar.witgoed' } });
    expect(body.publishableKey).toMatch(/^pk_live_/);

    const [owner] = await h.db.select().from(users).where(eq(users.id, body.owner.id));
    expect(owner).toMatchObject({ tenantId: body.tenantId, role: 'owner', partnerOrgId: null, disabledAt: null });
    expect((await verifyPassword(PASSWORD, owner!.passwordHash)).ok).toBe(true);

    const audit = await auditAfter(h, body.tenantId);
    expect(audit.every((a) => a.actor_type === 'operator' && a.actor_id === operator.id)).toBe(true);
    expect(audit.map((a) => a.action)).toEqual(['tenant.created', 'publishable_key.created', 'consent_text.created', 'consent_text.created', 'user.created']);
    for (const value of ['Witgoed', 'eigenaar', PASSWORD]) expect(JSON.stringify(audit).toLowerCase()).not.toContain(value.toLowerCase());

    const cfg = await h.app.request('/v1/config', { headers: { authorization: `Bearer ${body.publishableKey}`, origin: 'https://witgoed.example' } });
    expect(cfg.status).toBe(200);
    expect((await cfg.json()) as PublicConfig).toMatchObject({ tenant: { name: 'Witgoed Centrum' }, kinds: ['repair', 'installation'], locales: ['nl', 'en'] });
    const ownerSession = await h.sessionFor(body.owner.id);
    const settings = await json<{ tenantId: string }>(h.admin('/settings', { as: ownerSession }));
    expect(settings.body.tenantId).toBe(body.tenantId);
  });

  it('refuses bad input with 422 per field, writing nothing; an owner login code used at another tenant is fine', async () => {
    h = await makeAdminHarness();
    const { auth } = await h.as('operator');
    const existing = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff', loginCode: 'al-bezet' });
    const before = await snapshot(h);
    const bad = await json<Problem>(h.admin('/tenants', {
      as: auth,
      body: { name: '', origins: ['https://ok.example', 'https://x.example/path'], privacyUrl: 'http://x.example/privacy', kinds: ['teleport'], locales: [], owner: { loginCode: '!!!!', displayName: 'Eigenaar', password: 'qwerty' }, extra: 1 },
    }));
    expect([bad.status, ...paths(bad.body)]).toEqual([422, 'extra:unknown_field', 'kinds.0:invalid_value', 'locales:required', 'name:required', 'origins.1:invalid_format', 'owner.loginCode:invalid_format', 'owner.password:too_short', 'privacyUrl:invalid_url']);
    const noOrigins = await json<Problem>(h.admin('/tenants', { as: auth, body: newTenant({ origins: [] }) }));
    expect(paths(noOrigins.body)).toEqual(['origins:required']);
    const noOwner = await json<Problem>(h.admin('/tenants', { as: auth, body: newTenant({ owner: undefined }) }));
    expect(paths(noOwner.body)).toEqual(['owner:required']);
    expect(await snapshot(h)).toEqual(before);
    // Login codes are unique per tenant: another tenant's code is no conflict (and no hint that it exists).
    const elsewhere = await json<TenantCreated>(h.admin('/tenants', { as: auth, body: newTenant({ owner: { loginCode: existing.loginCode.toUpperCase(), displayName: 'X', password: PASSWORD } }) }));
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.owner.signInName).toBe(`al-bezet@${elsewhere.body.slug}`);
  });

  it('is refused (403) to every tenant role and key; the operator is refused (403) on every tenant route', async () => {
    h = await makeAdminHarness();
    const org = await h.addOrg(h.tenant.tenantId, 'carrier');
    const tenantCallers = [(await h.as('owner')).auth, (await h.as('staff')).auth, (await h.as('auditor')).auth, (await h.as('partner', { partnerOrgId: org })).auth, await h.keyFor({ role: 'owner' })];
    const before = await snapshot(h);
    for (const as of tenantCallers) {
      for (const [method, body] of [['GET'], ['POST', newTenant()]] as const) {
        const res = await json<Problem>(h.admin('/tenants', { as, method, body }));
        expect([method, res.status, res.body.code]).toEqual([method, 403, 'forbidden']);
      }
    }
    const { auth: operator } = await h.as('operator');
    const someUser = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff' });
    const mid = await snapshot(h);
    for (const [method, path, body] of [
      ['GET', '/settings'], ['PATCH', '/settings', { name: 'X' }], ['GET', '/settings/consent-texts'], ['POST', '/settings/consent-texts', { locale: 'nl', text: 'Een tekst die lang genoeg is voor de regel.' }],
      ['GET', '/users'], ['POST', '/users', { loginCode: 'abc', displayName: 'X', role: 'staff', password: PASSWORD }], ['PATCH', `/users/${someUser.id}`, { disabled: true }],
      ['POST', `/users/${someUser.id}/password`, { password: PASSWORD }], ['POST', `/users/${someUser.id}/totp/reset`, {}],
      ['GET', '/organisations'], ['POST', '/organisations', { name: 'X', type: 'carrier' }], ['PATCH', `/organisations/${org}`, { disabled: true }],
    ] as const) {
      const res = await json<Problem>(h.admin(path, { as: operator, method, body }));
      expect([method, path, res.status, res.body.code]).toEqual([method, path, 403, 'forbidden']);
    }
    expect(await snapshot(h)).toEqual(mid);
    expect(before.tenants).toEqual(mid.tenants);
    const [count] = await h.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM tenants`);
    expect(Number(count!.n)).toBe(2);
  });
});
