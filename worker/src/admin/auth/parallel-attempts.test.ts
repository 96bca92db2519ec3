import { afterEach, describe, expect, it } from 'vitest';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import { authCalls, codeOf, cookieOf } from './test-helpers.js';
import { argon2Load } from './password.js';
import { ACCOUNT } from './throttle.js';
import { newTotpSecret, totpAt } from './totp.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

const wrongCode = (right: string) => String((Number(right) + 1) % 1_000_000).padStart(6, '0');
const statuses = (all: Response[]) => all.map((r) => r.status);
const count = (all: Response[], status: number) => all.filter((r) => r.status === status).length;

/**
 * Issue 9 item 1: attempts fired in parallel must not get past the budget that sequential ones
 * get (the lock was checked before the hash and the failure recorded after it).
 */
describe('parallel attempts get no more than the budget (R13)', () => {
  async function race(config: { passwordChecksPerIp?: number }) {
    // A fixed clock: a loaded machine must not let a 1 s lock run out in the middle of the race.
    const now = Date.UTC(2026, 0, 5, 9);
    h = await makeAdminHarness({ config, clock: { now: () => now } });
    const calls = authCalls(h);
    // Stored at OWASP cost, so a check takes as long as in production.
    const user = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff', owaspHash: true });
    const before = argon2Load.total;
    // 24 wrong passwords at once from one address; the right one once their hashes are under
    // way (the order is the point, not the time: before, the lock came only after a hash).
    const wrong = Array.from({ length: 24 }, () => calls.login(user.signIn, 'not-the-password'));
    while (argon2Load.total - before < 2) await new Promise((r) => setTimeout(r, 1));
    const all = await Promise.all([...wrong, calls.login(user.signIn, user.password)]);
    return { all, hashes: argon2Load.total - before };
  }

  it('25 parallel logins for one account, the right password last: never signed in, at most the budget hashed', async () => {
    const { all, hashes } = await race({});
    expect(count(all, 200), String(statuses(all))).toBe(0);
    expect(count(all, 401)).toBeLessThanOrEqual(ACCOUNT.free);
    expect(hashes).toBeLessThanOrEqual(ACCOUNT.free);
    for (const res of all.filter((r) => r.status !== 401)) {
      expect(res.status).toBe(429);
      expect(await codeOf(res)).toBe('rate_limited');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
  }, 90_000);

  it('the counters alone hold too: with the per-IP in-flight cap lifted, at most the budget hashed', async () => {
    const { all, hashes } = await race({ passwordChecksPerIp: 1000 });
    expect(count(all, 200), String(statuses(all))).toBe(0);
    expect(count(all, 401), String(statuses(all))).toBe(ACCOUNT.free);
    expect(hashes).toBe(ACCOUNT.free);
    expect(count(all, 429)).toBe(25 - ACCOUNT.free);
  }, 90_000);

  it('parallel wrong TOTP codes: at most the budget checked, then 429', async () => {
    const now = Date.UTC(2026, 0, 5, 9, 0, 10);
    h = await makeAdminHarness({ clock: { now: () => now } });
    const calls = authCalls(h);
    const secret = newTotpSecret();
    const user = await h.addUser({ tenantId: h.tenant.tenantId, role: 'staff', totpSecret: secret });
    const mfa = cookieOf(await calls.login(user.signIn, user.password));
    const all = await Promise.all(Array.from({ length: 40 }, () => calls.post('/totp', { code: wrongCode(totpAt(secret, now)) }, mfa)));
    expect(count(all, 401), String(statuses(all))).toBe(ACCOUNT.free);
    expect(count(all, 429)).toBe(40 - ACCOUNT.free);
  }, 90_000);

  it('parallel wrong current passwords at step-up (POST /me/password): at most the budget hashed', async () => {
    h = await makeAdminHarness({ config: { passwordChecksPerIp: 1000 } });
    const { auth } = await h.as('staff');
    const before = argon2Load.total;
    const all = await Promise.all(
      Array.from({ length: 20 }, () => h.admin('/me/password', { as: auth, body: { currentPassword: 'not-my-password', newPassword: 'een heel nieuw wachtwoord' } })),
    );
    expect(count(all, 422), String(statuses(all))).toBe(ACCOUNT.free);
    expect(argon2Load.total - before).toBe(ACCOUNT.free);
    expect(count(all, 429)).toBe(20 - ACCOUNT.free);
  }, 90_000);
});
