import { afterEach, describe, expect, it } from 'vitest';
import { makeAdminHarness, type AdminHarness } from '../testing/admin-harness.js';
import { IDLE_MS, ABSOLUTE_MS } from './sessions.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

describe('admin authentication (R13)', () => {
  it('refuses a request without a session or key, and a malformed or unknown key', async () => {
    let now = Date.now();
    h = await makeAdminHarness({ clock: { now: () => now } });
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer sk_live_nope' }, { authorization: `Bearer sk_live_${'a'.repeat(40)}` }, { cookie: 'aftercare_session=abc' }]) {
      const res = await h.app.request('/v1/admin/me', { headers });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe('unauthorized');
    }
  });

  it('ends a session after 30 idle minutes and after 12 hours, whatever the activity', async () => {
    let now = Date.now();
    h = await makeAdminHarness({ clock: { now: () => now } });
    const { auth } = await h.as('staff');
    expect((await h.admin('/nothing-here', { as: auth })).status).toBe(404);
    now += IDLE_MS - 1000;
    expect((await h.admin('/nothing-here', { as: auth })).status).toBe(404);
    // Keep it busy every 20 minutes: the idle clock resets, the absolute one does not.
    while (now + 20 * 60_000 < Date.now() + ABSOLUTE_MS) {
      now += 20 * 60_000;
      expect((await h.admin('/nothing-here', { as: auth })).status).toBe(404);
    }
    now += 20 * 60_000;
    const res = await h.admin('/nothing-here', { as: auth });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('session_expired');

    const fresh = await h.as('staff');
    now += IDLE_MS;
    expect(((await (await h.admin('/nothing-here', { as: fresh.auth })).json()) as { code: string }).code).toBe('session_expired');
  });

  it('refuses a state-changing cookie request without the CSRF header or from another origin', async () => {
    h = await makeAdminHarness();
    const { auth } = await h.as('owner');
    const base = { as: auth, method: 'POST', body: {} };
    const noHeader = await h.admin('/nothing-here', { ...base, headers: { 'x-aftercare-csrf': '' } });
    expect(noHeader.status).toBe(403);
    expect(((await noHeader.json()) as { code: string }).code).toBe('csrf_failed');
    const evil = await h.admin('/nothing-here', { ...base, headers: { origin: 'https://evil.example' } });
    expect(((await evil.json()) as { code: string }).code).toBe('csrf_failed');
    expect((await h.admin('/nothing-here', base)).status).toBe(404);
  });

  it('accepts an sk_ key of its tenant and records its last use', async () => {
    h = await makeAdminHarness();
    const key = await h.keyFor({ role: 'staff' });
    expect((await h.admin('/nothing-here', { as: key })).status).toBe(404);
    const rows = await h.db.all<{ last_used_at: number | null }>('SELECT last_used_at FROM api_keys' as never);
    expect(rows[0]!.last_used_at).toBeTypeOf('number');
  });
});
