import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { partnerOrgs, users } from '../db/schema.js';
import { makeAdminHarness, type AdminHarness } from '../testing/admin-harness.js';
import { authCalls, cookieOf } from '../admin/auth/test-helpers.js';
import { DEMO_CARRIER, ensureDemoUsers } from './demo.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

describe('demo admin users (npm start)', () => {
  it('creates an owner, staff, a carrier partner and an auditor once, who can sign in', async () => {
    h = await makeAdminHarness();
    const first = await ensureDemoUsers(h.db, Date.now(), h.tenant.tenantId);
    expect(first.map((u) => [u.loginCode, u.role, u.created])).toEqual([
      ['demo-eigenaar', 'owner', true], ['demo-medewerker', 'staff', true], ['demo-koerier', 'partner', true], ['demo-auditor', 'auditor', true],
    ]);
    const calls = authCalls(h);
    for (const u of first) {
      expect(u.signInName).toBe(`${u.loginCode}@${h.tenant.slug}`);
      const res = await calls.login(u.signInName, u.password!);
      expect(res.status, u.loginCode).toBe(200);
      const me = (await (await calls.me(cookieOf(res))).json()) as { role: string; partnerOrg: { name: string; type: string } | null };
      expect(me.role).toBe(u.role);
      if (u.role === 'partner') expect(me.partnerOrg).toMatchObject({ name: DEMO_CARRIER, type: 'carrier' });
    }

    // A second start creates nothing and hands back the passwords it was given.
    const known = Object.fromEntries(first.map((u) => [u.loginCode, u.password!]));
    const again = await ensureDemoUsers(h.db, Date.now(), h.tenant.tenantId, known);
    expect(again.every((u) => !u.created && u.password === known[u.loginCode])).toBe(true);
    expect(await h.db.select().from(partnerOrgs).where(eq(partnerOrgs.name, DEMO_CARRIER))).toHaveLength(1);
    expect(await h.db.select().from(users)).toHaveLength(4);
    expect((await ensureDemoUsers(h.db, Date.now(), h.tenant.tenantId)).map((u) => u.password)).toEqual([null, null, null, null]);
  }, 90_000);
});
