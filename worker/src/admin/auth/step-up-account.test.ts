import { afterEach, describe, expect, it } from 'vitest';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import { authCalls, codeOf, cookieOf } from './test-helpers.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

/**
 * The step-up password check (reauth.ts) counts failures on the same account counter as
 * sign-in — the full sign-in name `code@slug` — so two tenants' users with one login code
 * never share a counter, and a stolen session's guesses count against the account itself.
 */
describe('step-up counts on the sign-in account', () => {
  it("one tenant's jan spending his budget at step-up neither locks the other tenant's jan nor escapes his own sign-in counter", async () => {
    h = await makeAdminHarness();
    const calls = authCalls(h);
    const here = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff', loginCode: 'jan' });
    const there = await h.addUser({ tenantId: h.other.tenantId, role: 'staff', loginCode: 'jan' });
    const thereSession = { cookie: cookieOf(await calls.login(there.signIn, there.password)) };
    const hereSession = { cookie: cookieOf(await calls.login(here.signIn, here.password)) };

    // The other tenant's jan guesses wrong at step-up until refused.
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) codes.push(await codeOf(await h.admin('/me/password', { as: thereSession, body: { currentPassword: `fout-wachtwoord-${i}-xx`, newPassword: 'nieuw-wachtwoord-voor-jan' } })));
    expect(codes).toContain('rate_limited');

    // Our jan is not touched: his step-up with the right password goes through.
    const ours = await h.admin('/me/password', { as: hereSession, body: { currentPassword: here.password, newPassword: 'nieuw-wachtwoord-voor-jan' } });
    expect(ours.status).toBe(204);
    // The guessing jan's own sign-in from the same source is braked by those same failures.
    expect(await codeOf(await calls.login(there.signIn, there.password))).toBe('rate_limited');
  });
});
