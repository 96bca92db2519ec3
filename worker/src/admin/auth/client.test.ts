import { afterEach, describe, expect, it } from 'vitest';
import { createAdminClient } from '../../../../sdk/src/admin-client/index.js';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import { newTotpSecret, totpAt } from './totp.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

/** A fetch that behaves like the admin page's browser: one cookie jar, the page's Origin. */
function browserFetch(app: AdminHarness['app']): typeof fetch {
  let cookie = '';
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set('origin', 'http://localhost');
    if (cookie) headers.set('cookie', cookie);
    const res = await app.request(String(input), { ...init, headers });
    const set = res.headers.get('set-cookie');
    if (set) cookie = /Max-Age=0/.test(set) ? '' : set.split(';')[0]!;
    return res;
  }) as typeof fetch;
}

describe('createAdminClient: auth, me, apiKeys', () => {
  it('signs in with a TOTP step, reads and updates me, and signs out (cookie session)', async () => {
    const now = Date.UTC(2026, 0, 5, 9, 0, 10);
    h = await makeAdminHarness({ clock: { now: () => now } });
    const secret = newTotpSecret();
    const user = await h.addUser({ tenantId: h.tenant.tenantId, role: 'owner', totpSecret: secret });
    const admin = createAdminClient({ baseUrl: 'http://localhost', fetch: browserFetch(h.app) });

    const wrong = await admin.auth.login({ loginCode: user.signIn, password: 'not-the-password' });
    expect(wrong.error?.code).toBe('invalid_credentials');
    const first = await admin.auth.login({ loginCode: user.signIn, password: user.password });
    expect(first.data).toEqual({ stage: 'totp' });
    expect((await admin.me.get()).error?.code).toBe('unauthorized');
    const done = await admin.auth.totp(totpAt(secret, now));
    expect(done.data?.user.id).toBe(user.id);
    expect((await admin.me.update({ locale: 'en' })).data?.locale).toBe('en');
    const badPw = await admin.me.changePassword({ currentPassword: user.password, newPassword: 'kort' });
    expect(badPw.error).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ path: 'newPassword', code: 'too_short' })] });
    expect((await admin.auth.logout()).data).toBeNull();
    expect((await admin.me.get()).error?.code).toBe('unauthorized');
  }, 90_000);

  it('manages sk_ keys with an owner key', async () => {
    h = await makeAdminHarness();
    const owner = await h.keyFor({ role: 'owner' });
    const admin = createAdminClient({ baseUrl: 'http://localhost', apiKey: (owner as { bearer: string }).bearer, fetch: ((i: RequestInfo | URL, init?: RequestInit) => h.app.request(String(i), init)) as typeof fetch });
    const made = await admin.apiKeys.create({ name: 'Boekhouding', role: 'auditor' });
    expect(made.data?.key).toMatch(/^sk_live_/);
    const list = await admin.apiKeys.list();
    expect(list.data?.items.map((k) => k.name)).toContain('Boekhouding');
    expect((await admin.apiKeys.revoke(made.data!.id)).data).toBeNull();
    expect((await admin.apiKeys.revoke('nope')).error?.code).toBe('not_found');
    expect((await admin.me.get()).data).toMatchObject({ type: 'api_key', role: 'owner' });
    expect((await admin.me.update({ locale: 'en' })).error?.code).toBe('forbidden');
  });
});
