import { afterEach, describe, expect, it } from 'vitest';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import { AuditWriter } from '../../audit/log.js';
import { createTenant } from '../../tenants/create.js';
import { authCalls, cookieOf } from './test-helpers.js';
import { parseSignInName, slugify } from './login-code.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

const PASSWORD_A = 'paarse-olifant-fietst-snel';
const PASSWORD_B = 'groene-giraf-zwemt-langzaam';

/** Issue 9 item 12: login codes are unique per tenant; users sign in as `code@tenant-slug`. */
describe('login codes per tenant', () => {
  it('an owner creates a user whose code exists at another tenant (no 409), and both sign in with their own code@slug', async () => {
    h = await makeAdminHarness();
    const theirs = await h.addUser({ tenantId: h.other.tenantId, role: 'staff', loginCode: 'jan', password: PASSWORD_B });
    const { auth } = await h.as('owner');
    const res = await h.admin('/users', { as: auth, body: { loginCode: 'Jan', displayName: 'Jan hier', role: 'staff', password: PASSWORD_A } });
    expect(res.status).toBe(201);
    const ours = (await res.json()) as { id: string };

    expect(h.tenant.slug).toBe('fietsenwinkel-test');
    expect(theirs.signIn).toBe('jan@andere-winkel');
    const calls = authCalls(h);
    const here = await calls.login('jan@fietsenwinkel-test', PASSWORD_A);
    expect(here.status).toBe(200);
    expect(await (await calls.me(cookieOf(here))).json()).toMatchObject({ id: ours.id, tenant: { id: h.tenant.tenantId, slug: 'fietsenwinkel-test' }, signInName: 'jan@fietsenwinkel-test' });
    const there = await calls.login('JAN@Andere-Winkel', PASSWORD_B);
    expect(there.status).toBe(200);
    expect(await (await calls.me(cookieOf(there))).json()).toMatchObject({ id: theirs.id, tenant: { id: h.other.tenantId } });

    // Each password only at its own tenant; the plain code is no operator's.
    expect((await calls.login('jan@andere-winkel', PASSWORD_A)).status).toBe(401);
    expect((await calls.login('jan@fietsenwinkel-test', PASSWORD_B)).status).toBe(401);
    expect((await calls.login('jan', PASSWORD_A)).status).toBe(401);
    expect((await calls.login('jan@geen-winkel', PASSWORD_A)).status).toBe(401);
  });

  it('operators sign in with the plain code; a tenant user with that code stays apart', async () => {
    h = await makeAdminHarness();
    const op = await h.addUser({ tenantId: null, role: 'operator', loginCode: 'beheer', password: PASSWORD_A });
    const staff = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff', loginCode: 'beheer', password: PASSWORD_B });
    const calls = authCalls(h);
    expect(await (await calls.me(cookieOf(await calls.login('beheer', PASSWORD_A)))).json()).toMatchObject({ id: op.id, role: 'operator', signInName: 'beheer' });
    expect(await (await calls.me(cookieOf(await calls.login('beheer@fietsenwinkel-test', PASSWORD_B)))).json()).toMatchObject({ id: staff.id, role: 'staff' });
    expect((await calls.login('beheer', PASSWORD_B)).status).toBe(401);
  });

  it('gives every tenant a unique URL-safe slug from its name', async () => {
    h = await makeAdminHarness();
    const again = await createTenant(h.db, new AuditWriter(h.db), Date.now(), { name: 'Fietsenwinkel Test', origins: ['https://x.example'], privacyUrl: 'https://x.example/privacy' });
    expect(again.slug).toBe('fietsenwinkel-test-2');
    expect(slugify('  Café & Zonen B.V. ')).toBe('cafe-zonen-b-v');
    expect(slugify('☕')).toBe('tenant');
    expect(slugify('x'.repeat(80))).toHaveLength(40);
  });

  it('parses code@slug at the last @; a suffix that cannot be a slug is an operator code', () => {
    expect(parseSignInName(' Demo-Eigenaar@Demo ')).toEqual({ loginCode: 'demo-eigenaar', tenantSlug: 'demo' });
    expect(parseSignInName('jan@shop@demo')).toEqual({ loginCode: 'jan@shop', tenantSlug: 'demo' });
    expect(parseSignInName('ops@example.com')).toEqual({ loginCode: 'ops@example.com', tenantSlug: null });
    expect(parseSignInName('beheer')).toEqual({ loginCode: 'beheer', tenantSlug: null });
    expect(parseSignInName('@demo')).toEqual({ loginCode: '@demo', tenantSlug: null });
  });
});
