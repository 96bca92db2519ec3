import { afterEach, describe, expect, it } from 'vitest';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import { authCalls, codeOf } from './test-helpers.js';
import { argon2Load } from './password.js';
import { HASH_CONCURRENCY, HASH_QUEUE } from './hash-gate.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

/**
 * Issue 9 item 1: 100 parallel sign-ins with unknown codes (each a full OWASP-cost dummy hash)
 * took 2 GB and starved every tenant's intake. Here they come from 100 addresses, so no per-IP
 * brake stops them: only the process-wide hash gate does.
 */
describe('a flood of sign-ins cannot take the server down (R13)', () => {
  it('100 parallel unknown-code logins: at most the cap hash at once, the rest 503; GET /v1/config answers meanwhile', async () => {
    let n = 0;
    h = await makeAdminHarness({ get ip() { n++; return `10.9.${n >> 8}.${n & 255}`; } });
    const calls = authCalls(h);
    argon2Load.peak = argon2Load.running;
    const before = argon2Load.total;
    const order: string[] = [];
    const logins = Array.from({ length: 100 }, (_, i) => Promise.resolve(calls.login(`niemand-${i}`, 'some-password-x')).then((res) => (order.push('login'), res)));
    const config = await h.app.request('/v1/config', { headers: h.headers() });
    order.push('config');
    const all = await Promise.all(logins);

    expect(config.status).toBe(200);
    // Answered before the logins finished (order, not time).
    expect(order.indexOf('config')).toBeLessThan(order.length - 1);
    expect(argon2Load.peak).toBeLessThanOrEqual(HASH_CONCURRENCY);
    const hashed = all.filter((r) => r.status === 401);
    const busy = all.filter((r) => r.status === 503);
    expect(hashed.length + busy.length, String(all.map((r) => r.status))).toBe(100);
    expect(hashed.length).toBeLessThanOrEqual(HASH_CONCURRENCY + HASH_QUEUE);
    expect(argon2Load.total - before).toBe(hashed.length);
    for (const res of busy) {
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(await codeOf(res)).toBe('server_busy');
      expect(res.headers.get('retry-after')).toBe('1');
    }
  }, 120_000);
});
