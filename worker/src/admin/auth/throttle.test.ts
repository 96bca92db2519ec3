import { afterEach, describe, expect, it } from 'vitest';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import { authThrottle } from '../../db/schema.js';
import { authCalls, codeOf } from './test-helpers.js';
import { ipBucket } from '../../lib/ip-bucket.js';
import { ACCOUNT, IP, lockSeconds } from './throttle.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

describe('brute-force brake on sign-in (R13)', () => {
  it('grows the delay per account, answers 429 + Retry-After without checking the password, and resets on success', async () => {
    let now = Date.UTC(2026, 0, 5, 9);
    h = await makeAdminHarness({ clock: { now: () => now } });
    const calls = authCalls(h);
    const user = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff' });
    const wrong = () => calls.login(user.signIn, 'not-the-password');

    for (let i = 1; i < ACCOUNT.free; i++) expect(await codeOf(await wrong())).toBe('invalid_credentials');
    // The fifth failure locks the account for 1 s.
    expect(await codeOf(await wrong())).toBe('invalid_credentials');
    let locked = await calls.login(user.signIn, user.password);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('1');
    expect(await locked.json()).toMatchObject({ code: 'rate_limited', retryAfter: 1 });

    // Each further failure doubles the wait: 2 s, then 4 s.
    now += 1000;
    expect(await codeOf(await wrong())).toBe('invalid_credentials');
    locked = await calls.login(user.signIn, user.password);
    expect(locked.headers.get('retry-after')).toBe('2');
    now += 1500;
    expect((await calls.login(user.signIn, user.password)).headers.get('retry-after')).toBe('1');
    now += 500;
    expect(await codeOf(await wrong())).toBe('invalid_credentials');
    expect((await calls.login(user.signIn, user.password)).headers.get('retry-after')).toBe('4');

    // Once the wait is over, the right password works and the account counter starts afresh.
    now += 4000;
    expect((await calls.login(user.signIn, user.password)).status).toBe(200);
    for (let i = 1; i < ACCOUNT.free; i++) expect(await codeOf(await wrong())).toBe('invalid_credentials');
    expect((await calls.login(user.signIn, user.password)).status).toBe(200);
  }, 90_000);

  it('locks an unknown login code the same way (no hint whether it exists)', async () => {
    let now = Date.UTC(2026, 0, 5, 9);
    h = await makeAdminHarness({ clock: { now: () => now } });
    const calls = authCalls(h);
    for (let i = 0; i < ACCOUNT.free; i++) expect((await calls.login('niemand', 'some-password-x')).status).toBe(401);
    expect((await calls.login('NIEMAND', 'some-password-x')).status).toBe(429);
    now += 1000;
    expect((await calls.login('niemand', 'some-password-x')).status).toBe(401);
  }, 90_000);

  it('caps the delay and forgets failures after a quiet day', async () => {
    expect(lockSeconds(ACCOUNT.free - 1, ACCOUNT)).toBe(0);
    expect(lockSeconds(ACCOUNT.free, ACCOUNT)).toBe(1);
    expect(lockSeconds(ACCOUNT.free + 3, ACCOUNT)).toBe(8);
    expect(lockSeconds(ACCOUNT.free + 40, ACCOUNT)).toBe(ACCOUNT.capSeconds);
    expect(IP.free).toBeGreaterThan(ACCOUNT.free);

    let now = Date.UTC(2026, 0, 5, 9);
    h = await makeAdminHarness({ clock: { now: () => now } });
    const calls = authCalls(h);
    const user = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff' });
    for (let i = 1; i < ACCOUNT.free; i++) await calls.login(user.signIn, 'not-the-password');
    now += 25 * 3600_000;
    // Four old failures plus one new one would lock; after a day the count starts again at 1.
    await calls.login(user.signIn, 'not-the-password');
    expect((await calls.login(user.signIn, user.password)).status).toBe(200);
  }, 90_000);

  it('counts failures per IP across accounts, with a looser limit; another IP is not affected', async () => {
    const now = Date.UTC(2026, 0, 5, 9);
    let ip = '198.51.100.9';
    h = await makeAdminHarness({ clock: { now: () => now }, get ip() { return ip; } });
    const calls = authCalls(h);
    // Spray: one wrong password on each of IP.free accounts (each account stays under its own limit).
    for (let i = 0; i < IP.free; i++) {
      const u = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff' });
      expect(await codeOf(await calls.login(u.signIn, 'not-the-password'))).toBe('invalid_credentials');
    }
    const victim = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff' });
    const locked = await calls.login(victim.signIn, victim.password);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    ip = '192.0.2.44';
    expect((await calls.login(victim.signIn, victim.password)).status).toBe(200);
    // A correct password does not clear the IP counter (an attacker's own account cannot unlock the spray).
    const rows = await h.db.select().from(authThrottle);
    expect(rows.map((r) => r.key)).toContain('ip:198.51.100.9');
  });

  it('counts IPv6 clients per /64 and IPv4-mapped addresses as IPv4', () => {
    expect(ipBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(ipBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(ipBucket('2001:db8:abcd:12:1::7')).toBe('2001:db8:abcd:12::/64');
    expect(ipBucket('2001:0db8:abcd:0012:ffff:1:2:3')).toBe('2001:db8:abcd:12::/64');
    expect(ipBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(ipBucket('::1')).toBe('0:0:0:0::/64');
  });
});
