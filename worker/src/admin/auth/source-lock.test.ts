import { afterEach, describe, expect, it } from 'vitest';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import { authCalls, codeOf, cookieOf } from './test-helpers.js';
import { ACCOUNT, SOURCE_FREE } from './throttle.js';
import { newTotpSecret, totpAt } from './totp.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

/**
 * Issue 9 item 13: one failure per lock period kept a known account locked for its owner
 * forever. Once the account's budget is spent the failing sources are locked, not the account.
 */
describe('a spent account budget locks the source, not the account (R13)', () => {
  it('an attacker locks itself out of an account while the owner signs in from another IP (with TOTP)', async () => {
    let now = Date.UTC(2026, 0, 5, 9, 0, 10);
    let ip = '198.51.100.66';
    h = await makeAdminHarness({ clock: { now: () => now }, get ip() { return ip; } });
    const calls = authCalls(h);
    const secret = newTotpSecret();
    const owner = await h.addUser({ tenantId: h.tenant.tenantId, role: 'owner', totpSecret: secret });

    // The attacker keeps failing, waiting out each lock: the account's budget is long spent.
    for (let i = 0; i < ACCOUNT.free + 4; i++) {
      const res = await calls.login(owner.signIn, 'raad-maar-eens-raak');
      if (res.status === 429) {
        now += Number(res.headers.get('retry-after')) * 1000;
        i--;
        continue;
      }
      expect(await codeOf(res)).toBe('invalid_credentials');
    }
    const attacker = await calls.login(owner.signIn, owner.password);
    expect(attacker.status).toBe(429);
    expect(await codeOf(attacker)).toBe('rate_limited');

    // The owner, from home, while the attacker's lock still holds: password, then TOTP.
    ip = '2001:db8:77:1::5';
    const first = await calls.login(owner.signIn, owner.password);
    expect(first.status, await first.clone().text()).toBe(200);
    expect(await first.json()).toEqual({ stage: 'totp' });
    const done = await calls.post('/totp', { code: totpAt(secret, now) }, cookieOf(first));
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ stage: 'done', user: { id: owner.id } });

    // The attacker's address stays locked even though the owner's success reset the account.
    ip = '198.51.100.66';
    expect((await calls.login(owner.signIn, owner.password)).status).toBe(429);
  }, 120_000);

  it('a distributed attacker gains little: a new source gets SOURCE_FREE tries, then the account lock holds it', async () => {
    let now = Date.UTC(2026, 0, 5, 9, 0, 10);
    let ip = '198.51.100.1';
    h = await makeAdminHarness({ clock: { now: () => now }, get ip() { return ip; } });
    const calls = authCalls(h);
    const user = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff' });
    // Spend the account's budget from one source; the account lock (1 s) now holds.
    for (let i = 0; i < ACCOUNT.free; i++) expect(await codeOf(await calls.login(user.signIn, 'nope-nope-nope'))).toBe('invalid_credentials');
    // A second source: SOURCE_FREE failures go through despite the account lock, then it is held by it.
    ip = '203.0.113.200';
    for (let i = 0; i < SOURCE_FREE; i++) expect(await codeOf(await calls.login(user.signIn, 'nope-nope-nope'))).toBe('invalid_credentials');
    const held = await calls.login(user.signIn, user.password);
    expect(held.status).toBe(429);
    // Each of those failures made the account's lock longer: 2^(5+3−5) = 8 s.
    expect(held.headers.get('retry-after')).toBe('8');
    now += 8000;
    expect((await calls.login(user.signIn, user.password)).status).toBe(200);
  }, 120_000);
});
